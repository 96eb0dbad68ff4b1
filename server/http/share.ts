/** Share links and QR codes (SVG) that open a page of the shop on a phone. */
import { hostname, networkInterfaces } from 'node:os';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import QRCode from 'qrcode';
import { z } from 'zod';
import type { RouteContext } from './context.js';
import { parse } from './errors.js';

const SharePath = z
  .object({
    path: z
      .string()
      .max(300)
      .regex(/^\/[A-Za-z0-9/_\-.?=&%]*$/, 'a path of this site, starting with /')
      .refine((p) => !p.startsWith('//'), 'a path of this site, starting with /'),
  })
  .strict();

/** The first LAN address, so a QR shown on a laptop at localhost still opens on a phone. */
export function lanAddress(): string | undefined {
  for (const list of Object.values(networkInterfaces())) {
    for (const a of list ?? []) if (a.family === 'IPv4' && !a.internal) return a.address;
  }
  return undefined;
}

/** Names this machine answers to: loopback, its own interface addresses and host name. */
function ownHostnames(): Set<string> {
  const names = new Set(['localhost', '[::1]', hostname().toLowerCase(), `${hostname().toLowerCase()}.local`]);
  for (const list of Object.values(networkInterfaces())) for (const a of list ?? []) names.add(a.family === 'IPv6' ? `[${a.address}]` : a.address);
  return names;
}

/**
 * The base of share links: PUBLIC_URL when set, else the address the request came to when it names
 * this machine (a loopback one swapped for the LAN address, so a phone can open it). A Host header
 * naming anything else is not echoed into links and QR codes: the LAN address stands in.
 */
export function baseUrl(req: FastifyRequest, publicUrl?: string): string {
  if (publicUrl) return publicUrl.replace(/\/$/, '');
  const host = req.host.toLowerCase();
  const port = host.match(/:(\d+)$/)?.[1] ?? String(req.socket.localPort ?? '');
  const name = host.replace(/:\d+$/, '');
  const local = /^(localhost|127\.\d+\.\d+\.\d+|\[::1\])$/.test(name);
  const known = /^[a-z0-9.\-[\]:]+$/.test(name) && ownHostnames().has(name);
  const lan = lanAddress();
  const chosen = known && !local ? name : (lan ?? (local ? name : 'localhost'));
  return `${req.protocol}://${chosen}${port ? `:${port}` : ''}`;
}

export async function qrSvg(url: string): Promise<string> {
  return QRCode.toString(url, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
}

export function shareRoutes(app: FastifyInstance, ctx: RouteContext): void {
  app.get('/api/share', async (req) => {
    const { path } = parse(SharePath, req.query, 'query');
    const url = `${baseUrl(req, ctx.config.publicUrl)}${path}`;
    return { url, qrSvg: await qrSvg(url) };
  });

  app.get('/api/qr.svg', async (req, reply) => {
    const { path } = parse(SharePath, req.query, 'query');
    const svg = await qrSvg(`${baseUrl(req, ctx.config.publicUrl)}${path}`);
    return reply.type('image/svg+xml').header('cache-control', 'no-cache').send(svg);
  });
}
