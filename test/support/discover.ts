/** Browser-test step shared by the Discover tests. */
import type { Page } from 'playwright-core';

/** Resolves once Discover's file input is enabled: the worker has loaded the models and the catalog index. */
export async function discoverReady(page: Page, timeoutMs = 120_000): Promise<void> {
  await page.waitForFunction(() => !(document.querySelector('[data-testid="discover-file"]') as HTMLInputElement | null)?.disabled, undefined, { timeout: timeoutMs });
}
