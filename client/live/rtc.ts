/**
 * Host video over WebRTC, signalled over the live socket: one peer connection from the host to
 * each viewer who asks (a mesh: fine for small audiences, see MAX_RTC_VIEWERS), no media server.
 */
import { isLoopbackCandidate, loopbackOnlySdp } from './ice.js';
import type { LiveConnection } from './connection.js';

/** The host uploads one copy of the video per viewer; past this, viewers are asked to use the stream link. */
export const MAX_RTC_VIEWERS = 20;

type Signal = { from: string; description?: { type: 'offer' | 'answer'; sdp: string }; candidate?: RTCIceCandidateInit };

function sendCandidate(conn: LiveConnection, to: string, c: RTCIceCandidate | null, loopback: boolean): void {
  if (!c || !c.candidate) return;
  if (loopback && !isLoopbackCandidate(c.candidate)) return;
  const init = c.toJSON();
  void conn.send('rtc:signal', {
    to,
    candidate: {
      candidate: init.candidate ?? '',
      sdpMid: init.sdpMid ?? null,
      sdpMLineIndex: init.sdpMLineIndex ?? null,
      usernameFragment: init.usernameFragment ?? null,
    },
  }).catch(() => undefined);
}

/** The host side: answers each viewer's request with an offer carrying the camera tracks. */
export class HostBroadcast {
  private readonly peers = new Map<string, RTCPeerConnection>();
  private readonly off: Array<() => void> = [];

  constructor(
    private readonly conn: LiveConnection,
    private readonly stream: MediaStream,
    private readonly loopback: boolean,
  ) {
    this.off.push(conn.on('rtc:request', (r: { from: string }) => (this.chain = this.chain.then(() => this.offer(r.from)).catch(() => undefined))));
    // Signals are handled one at a time: a candidate must not overtake the description before it.
    this.off.push(conn.on('rtc:signal', (s: Signal) => (this.chain = this.chain.then(() => this.signal(s)).catch(() => undefined))));
  }

  private chain: Promise<unknown> = Promise.resolve();

  get viewerCount(): number {
    return this.peers.size;
  }

  private async offer(viewer: string): Promise<void> {
    const existing = this.peers.get(viewer);
    if (existing && existing.connectionState !== 'failed' && existing.connectionState !== 'closed') return;
    existing?.close();
    if (this.peers.size >= MAX_RTC_VIEWERS) return;
    const pc = new RTCPeerConnection({ iceServers: [] });
    this.peers.set(viewer, pc);
    for (const t of this.stream.getTracks()) pc.addTrack(t, this.stream);
    pc.onicecandidate = (e) => sendCandidate(this.conn, viewer, e.candidate, this.loopback);
    pc.onconnectionstatechange = () => {
      if (pc.connectionState === 'failed' || pc.connectionState === 'closed') this.peers.delete(viewer);
    };
    const offer = await pc.createOffer();
    await pc.setLocalDescription(offer);
    const sdp = this.loopback ? loopbackOnlySdp(offer.sdp ?? '') : (offer.sdp ?? '');
    await this.conn.send('rtc:signal', { to: viewer, description: { type: 'offer', sdp } }).catch(() => undefined);
  }

  private async signal(s: Signal): Promise<void> {
    const pc = this.peers.get(s.from);
    if (!pc) return;
    if (s.description?.type === 'answer') await pc.setRemoteDescription(s.description).catch(() => undefined);
    if (s.candidate) await pc.addIceCandidate(s.candidate).catch(() => undefined);
  }

  close(): void {
    for (const f of this.off) f();
    for (const pc of this.peers.values()) pc.close();
    this.peers.clear();
  }
}

/** The viewer side: asks the host for video and plays what arrives. */
export class ViewerReceive {
  private pc: RTCPeerConnection | null = null;
  private readonly off: Array<() => void> = [];
  private retry: ReturnType<typeof setInterval> | null = null;

  constructor(
    private readonly conn: LiveConnection,
    private readonly loopback: boolean,
    private readonly onStream: (s: MediaStream) => void,
  ) {
    this.off.push(conn.on('rtc:signal', (s: Signal) => (this.chain = this.chain.then(() => this.signal(s)).catch(() => undefined))));
  }

  private chain: Promise<unknown> = Promise.resolve();

  /** Asks for the video now and every 5 s until it plays (the host may start the camera later); at most a minute. */
  start(): void {
    let tries = 0;
    const ask = () => {
      if (this.pc?.connectionState === 'connected' || ++tries > 12) {
        if (this.retry) clearInterval(this.retry);
        return;
      }
      void this.conn.send('rtc:request', {}).catch(() => undefined);
    };
    ask();
    this.retry = setInterval(ask, 5000);
  }

  private async signal(s: Signal): Promise<void> {
    if (s.description?.type === 'offer') {
      this.pc?.close();
      const pc = new RTCPeerConnection({ iceServers: [] });
      this.pc = pc;
      pc.ontrack = (e) => this.onStream(e.streams[0] ?? new MediaStream([e.track]));
      pc.onicecandidate = (e) => sendCandidate(this.conn, s.from, e.candidate, this.loopback);
      await pc.setRemoteDescription(s.description);
      const answer = await pc.createAnswer();
      await pc.setLocalDescription(answer);
      const sdp = this.loopback ? loopbackOnlySdp(answer.sdp ?? '') : (answer.sdp ?? '');
      await this.conn.send('rtc:signal', { to: s.from, description: { type: 'answer', sdp } }).catch(() => undefined);
    } else if (s.candidate && this.pc) {
      await this.pc.addIceCandidate(s.candidate).catch(() => undefined);
    }
  }

  close(): void {
    if (this.retry) clearInterval(this.retry);
    for (const f of this.off) f();
    this.pc?.close();
  }
}
