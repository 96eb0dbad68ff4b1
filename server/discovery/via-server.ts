/**
 * Commands that need the shop's embedded database while the server runs go through the server:
 * the lock file names its loopback address, the merchant token authorises the call.
 */
import { readFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { join } from 'node:path';
import { resolveDataDir } from '../config.js';
import { type LockHolder, readLock } from '../store/lock.js';

/** The live server holding the embedded store named by the environment, if any (PostgreSQL: none needed). */
export function runningServer(env: NodeJS.ProcessEnv = process.env): LockHolder | undefined {
  if (env.DATABASE_URL) return undefined;
  return readLock(`${join(resolveDataDir(env), 'db')}.lock`);
}

/** The merchant token as the server has it: from the environment, else the data folder's file. */
export function merchantToken(env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (env.MERCHANT_TOKEN) return env.MERCHANT_TOKEN;
  try {
    return readFileSync(join(resolveDataDir(env), 'merchant-token'), 'utf8').trim();
  } catch {
    return undefined;
  }
}

/** JSON over HTTP(S) to the local server; a self-signed loopback certificate is accepted. */
export function loopbackJson<T>(url: string, options: { method?: string; token?: string; body?: unknown } = {}): Promise<{ status: number; body: T }> {
  const u = new URL(url);
  if (!['127.0.0.1', 'localhost', '[::1]'].includes(u.hostname)) return Promise.reject(new Error(`${url} is not a loopback address.`));
  const payload = options.body === undefined ? undefined : JSON.stringify(options.body);
  const send = u.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const req = send(
      u,
      {
        method: options.method ?? 'GET',
        timeout: 10_000,
        rejectUnauthorized: false,
        headers: {
          accept: 'application/json',
          ...(payload ? { 'content-type': 'application/json' } : {}),
          ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
        },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () => {
          try {
            resolve({ status: res.statusCode ?? 0, body: (text ? JSON.parse(text) : undefined) as T });
          } catch {
            reject(new Error(`${url} answered ${res.statusCode} with something that is not JSON.`));
          }
        });
      },
    );
    req.on('timeout', () => req.destroy(new Error(`${url} did not answer within 10 s.`)));
    req.on('error', reject);
    req.end(payload);
  });
}
