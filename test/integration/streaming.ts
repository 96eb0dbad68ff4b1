/** Sends very large request bodies from a small reusable chunk, so a test never holds them in memory. */
import { request } from 'node:http';

export interface StreamedResult {
  status: number;
  body: any;
  /** Bytes written before the server answered (or the whole body). */
  sent: number;
}

/**
 * POSTs `prefix`, then `fillBytes` bytes of filler, then `suffix`; stops writing as soon as the
 * server answers. With `chunked` no Content-Length is sent, so the server must count the bytes.
 */
export function streamBody(
  base: string,
  path: string,
  opts: { headers?: Record<string, string>; prefix?: Buffer; fillBytes: number; suffix?: Buffer; chunked?: boolean },
): Promise<StreamedResult> {
  const prefix = opts.prefix ?? Buffer.alloc(0);
  const suffix = opts.suffix ?? Buffer.alloc(0);
  const total = prefix.length + opts.fillBytes + suffix.length;
  const chunk = Buffer.alloc(64 * 1024, 0x20);
  const url = new URL(path, base);
  return new Promise((resolve, reject) => {
    let sent = 0;
    let answered = false;
    const req = request({
      host: url.hostname,
      port: url.port,
      path: url.pathname + url.search,
      method: 'POST',
      headers: { ...opts.headers, ...(opts.chunked ? {} : { 'content-length': String(total) }) },
    });
    req.on('response', (res) => {
      answered = true;
      const parts: Buffer[] = [];
      res.on('data', (d: Buffer) => parts.push(d));
      res.on('end', () => {
        const text = Buffer.concat(parts).toString('utf8');
        let body: unknown = text;
        try {
          body = JSON.parse(text);
        } catch {
          /* keep text */
        }
        req.destroy();
        resolve({ status: res.statusCode ?? 0, body, sent });
      });
    });
    // The server may close the socket once it has answered; that is not a failure.
    req.on('error', (err) => {
      if (!answered) reject(err);
    });
    let filled = 0;
    req.write(prefix);
    sent += prefix.length;
    const pump = () => {
      while (!answered && filled < opts.fillBytes) {
        const n = Math.min(chunk.length, opts.fillBytes - filled);
        filled += n;
        sent += n;
        if (!req.write(n === chunk.length ? chunk : chunk.subarray(0, n))) {
          req.once('drain', pump);
          return;
        }
      }
      if (!answered) {
        sent += suffix.length;
        req.end(suffix);
      }
    };
    pump();
  });
}
