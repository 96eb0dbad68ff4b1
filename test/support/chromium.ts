/** Finds Debian's Chromium and launches it headless with the flags that work as root on these machines. */
import { existsSync } from 'node:fs';
import type { Browser, LaunchOptions, Page } from 'playwright-core';

export function findChromium(): string | undefined {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];
  return candidates.find((p): p is string => Boolean(p && existsSync(p)));
}

/** Flags from ../shared/DESIGN-NOTES.md: no sandbox as root, and no background traffic off the machine. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

export async function launchChromium(extraArgs: string[] = [], opts: LaunchOptions = {}): Promise<Browser> {
  const executablePath = findChromium();
  if (!executablePath) throw new Error('Chromium not found: apt-get install -y chromium');
  const { chromium } = await import('playwright-core');
  return watchContentSecurityPolicy(await chromium.launch({ executablePath, headless: true, args: [...CHROMIUM_ARGS, ...extraArgs], ...opts }));
}

/**
 * Every page of this browser reports Content-Security-Policy violations (Chromium logs them to the
 * console, workers' included); closing the browser then fails the test file naming them, so a
 * header that blocks something the app needs cannot pass unnoticed.
 */
function watchContentSecurityPolicy(browser: Browser): Browser {
  const violations: string[] = [];
  const watch = (page: Page) => page.on('console', (m) => /Content Security Policy/.test(m.text()) && violations.push(`${page.url()}: ${m.text()}`));
  const newContext = browser.newContext.bind(browser);
  browser.newContext = async (o) => {
    const context = await newContext(o);
    context.on('page', watch);
    return context;
  };
  const newPage = browser.newPage.bind(browser);
  browser.newPage = async (o) => {
    const page = await newPage(o);
    watch(page);
    return page;
  };
  const close = browser.close.bind(browser);
  browser.close = async (o) => {
    await close(o);
    if (violations.length) throw new Error(`Content Security Policy violations:\n${[...new Set(violations)].join('\n')}`);
  };
  return browser;
}
