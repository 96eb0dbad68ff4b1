/** Sets a product's stock as the merchant would (PATCH with the token), for tests that sell things out. */
export async function setStock(server: { url: string; merchantToken: string }, id: string, stock: number): Promise<void> {
  const res = await fetch(`${server.url}/api/products/${id}`, {
    method: 'PATCH',
    headers: { authorization: `Bearer ${server.merchantToken}`, 'content-type': 'application/json' },
    body: JSON.stringify({ stock }),
  });
  if (res.status !== 200) throw new Error(`setting the stock of ${id} answered HTTP ${res.status}`);
}
