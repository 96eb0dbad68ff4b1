/**
 * HTTPS for phones: browsers open the camera only in a secure context. Uses TLS_CERT/TLS_KEY
 * files when given, else (HTTPS=1) a self-signed certificate kept in the data folder, made for
 * this machine's names and LAN addresses so a phone on the same network can open it.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { hostname, networkInterfaces } from 'node:os';
import { join } from 'node:path';

export interface TlsFiles {
  key: string;
  cert: string;
  selfSigned: boolean;
}

function localNames(): { dns: string[]; ips: string[] } {
  const ips = ['127.0.0.1', '::1'];
  for (const list of Object.values(networkInterfaces())) {
    for (const a of list ?? []) if (!a.internal) ips.push(a.address);
  }
  return { dns: ['localhost', hostname(), `${hostname()}.local`], ips };
}

export async function loadTls(env: NodeJS.ProcessEnv, dataDir: string): Promise<TlsFiles | undefined> {
  if (env.TLS_CERT || env.TLS_KEY) {
    if (!env.TLS_CERT || !env.TLS_KEY) throw new Error('Set both TLS_CERT and TLS_KEY (paths to PEM files).');
    return { cert: readFileSync(env.TLS_CERT, 'utf8'), key: readFileSync(env.TLS_KEY, 'utf8'), selfSigned: false };
  }
  if (!env.HTTPS || env.HTTPS === '0' || env.HTTPS === 'false') return undefined;
  const dir = join(dataDir, 'tls');
  const certPath = join(dir, 'self-signed.crt');
  const keyPath = join(dir, 'self-signed.key');
  const names = localNames();
  const stamp = JSON.stringify(names);
  const stampPath = join(dir, 'names.json');
  if (existsSync(certPath) && existsSync(keyPath) && existsSync(stampPath) && readFileSync(stampPath, 'utf8') === stamp) {
    return { cert: readFileSync(certPath, 'utf8'), key: readFileSync(keyPath, 'utf8'), selfSigned: true };
  }
  const { generate } = await import('selfsigned');
  const altNames = [
    ...names.dns.map((value) => ({ type: 2 as const, value })),
    ...names.ips.map((ip) => ({ type: 7 as const, ip })),
  ];
  const pems = await generate([{ name: 'commonName', value: 'Shopsee local' }], {
    keySize: 2048,
    notAfterDate: new Date(Date.now() + 825 * 24 * 3600 * 1000),
    algorithm: 'sha256',
    extensions: [{ name: 'subjectAltName', altNames }],
  });
  mkdirSync(dir, { recursive: true });
  writeFileSync(certPath, pems.cert);
  writeFileSync(keyPath, pems.private, { mode: 0o600 });
  writeFileSync(stampPath, stamp);
  return { cert: pems.cert, key: pems.private, selfSigned: true };
}
