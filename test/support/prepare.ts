/**
 * Before the tests: Chromium (browser tests) and ffmpeg (fake camera videos), installed from
 * Debian when missing and we are root, otherwise the exact command is printed; model files; and
 * a current client build.
 */
import { spawnSync } from 'node:child_process';
import { prepare } from '../../server/cli/prepare.js';
import { findChromium } from './chromium.js';

const haveFfmpeg = () => spawnSync('ffmpeg', ['-version'], { stdio: 'ignore' }).status === 0;

function ensureSystemPackages(): void {
  const missing = [...(findChromium() ? [] : ['chromium']), ...(haveFfmpeg() ? [] : ['ffmpeg'])];
  if (missing.length === 0) return;
  const cmd = `apt-get install -y ${missing.join(' ')}`;
  if (process.getuid?.() !== 0) {
    process.stderr.write(`The browser tests need ${missing.join(' and ')}. Install with:\n  sudo apt-get update && sudo ${cmd}\n`);
    process.exit(1);
  }
  process.stdout.write(`Installing ${missing.join(' and ')} for the browser tests (${cmd})...\n`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const install = () => spawnSync('apt-get', ['install', '-y', '-qq', ...missing], { stdio: 'inherit', env }).status === 0;
  if (!install()) {
    spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
    if (!install() || !findChromium() || !haveFfmpeg()) {
      process.stderr.write(`Could not install ${missing.join(' ')}. Run: apt-get update && ${cmd}\n`);
      process.exit(1);
    }
  }
}

ensureSystemPackages();
await prepare();
