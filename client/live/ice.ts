/**
 * Loopback-only ICE for tests and demos on one machine (see DESIGN-NOTES): drop every candidate
 * that is not 127.0.0.1 or ::1, in trickled candidates and in SDP lines alike. Plain string logic.
 */

/** The connection address of an ICE candidate line ("candidate:… udp 2122 127.0.0.1 5000 typ host"). */
export function candidateAddress(candidate: string): string | undefined {
  const parts = candidate.replace(/^a=/, '').trim().split(/\s+/);
  return parts.length >= 6 ? parts[4] : undefined;
}

export function isLoopbackCandidate(candidate: string): boolean {
  const a = candidateAddress(candidate);
  return a !== undefined && (a === '::1' || /^127\.\d+\.\d+\.\d+$/.test(a));
}

/** Removes non-loopback `a=candidate` lines from an SDP. */
export function loopbackOnlySdp(sdp: string): string {
  return sdp
    .split(/\r\n/)
    .filter((line) => !line.startsWith('a=candidate:') || isLoopbackCandidate(line))
    .join('\r\n');
}

/** Whether the page was asked for loopback-only ICE (`?ice=loopback`, or the stored setting). */
export function wantsLoopbackIce(search: string, storage?: Pick<Storage, 'getItem'>): boolean {
  if (new URLSearchParams(search).get('ice') === 'loopback') return true;
  try {
    return storage?.getItem('shopsee.live.ice') === 'loopback';
  } catch {
    return false;
  }
}
