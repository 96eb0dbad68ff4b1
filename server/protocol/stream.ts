/**
 * Which pasted stream links a live session may show, shared by the server (refuses others) and the
 * viewer page (plays media in a <video>, embeds players in a sandboxed iframe): direct media files
 * from any https host, and the players of a few known video hosts. Anything else could frame any page.
 */

/** Player hosts whose embed pages may be framed (the CSP's frame-src lists the same). */
export const EMBED_HOSTS = ['www.youtube.com', 'www.youtube-nocookie.com', 'player.vimeo.com', 'player.twitch.tv', 'www.facebook.com', '*.cloudflarestream.com'] as const;

export type StreamKind = 'hls' | 'media' | 'embed';

// "*.example.com" as in CSP: any one or more labels before the domain.
const hostMatches = (host: string, pattern: string): boolean => (pattern.startsWith('*.') ? host.endsWith(pattern.slice(1)) : host === pattern);

/** How a pasted stream URL plays, or undefined when it may not be shown. */
export function streamKind(raw: string): StreamKind | undefined {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return undefined;
  }
  if (url.username || url.password) return undefined;
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname))) return undefined;
  if (/\.m3u8$/i.test(url.pathname)) return 'hls';
  if (/\.(mp4|webm|m4v|mov)$/i.test(url.pathname)) return 'media';
  return EMBED_HOSTS.some((p) => hostMatches(url.hostname, p)) ? 'embed' : undefined;
}

/** The sentence shown when a stream link is refused. */
export const STREAM_URL_RULE = 'Paste an https link to an .m3u8, .mp4 or .webm stream, or to a YouTube, Vimeo, Twitch, Facebook or Cloudflare Stream player.';
