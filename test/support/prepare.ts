/**
 * Before the tests: Chromium for the browser tests (installed from Debian when missing and we
 * are root, otherwise the exact command is printed), model files, and a current client build.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { prepare } from '../../server/cli/prepare.js';
import { findChromium } from './chromium.js';

function ensureChromium(): void {
  if (findChromium()) return;
  const isRoot = process.getuid?.() === 0;
  if (!isRoot) {
    process.stderr.write('Chromium is needed for the browser tests. Install it with:\n  sudo apt-get install -y chromium\n');
    process.exit(1);
  }
  process.stdout.write('Installing Chromium for the browser tests (apt-get install -y chromium)...\n');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  if (!existsSync('/var/lib/apt/lists/lock') || spawnSync('apt-get', ['install', '-y', '-qq', 'chromium'], { stdio: 'inherit', env }).status !== 0) {
    spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
    const res = spawnSync('apt-get', ['install', '-y', '-qq', 'chromium'], { stdio: 'inherit', env });
    if (res.status !== 0 || !findChromium()) {
      process.stderr.write('Could not install Chromium. Run: apt-get update && apt-get install -y chromium\n');
      process.exit(1);
    }
  }
}

ensureChromium();
prepare();
