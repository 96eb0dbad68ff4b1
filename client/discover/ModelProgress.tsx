import type { VisionState } from './visionClient.js';

const NAMES: Record<string, string> = {
  centernet: 'Product detector',
  garments: 'Garments and accessories',
  'mobilenet-v2-mid': 'Visual search',
};

/** Model loading progress, or which part of discovery is unavailable and why. */
export function ModelProgress({ state }: { state: VisionState }) {
  if (state.phase === 'ready') {
    const missing = state.models.filter((m) => m.phase === 'unavailable');
    return missing.length ? (
      <p className="warn" role="status">
        {missing.map((m) => `${NAMES[m.id] ?? m.id} is unavailable${m.phase === 'unavailable' ? `: ${m.reason}` : ''}.`).join(' ')} The rest works.
      </p>
    ) : null;
  }
  if (state.phase === 'failed') {
    return (
      <div className="state state-error" role="alert">
        <h2>Discovery is unavailable</h2>
        <p>{state.reason}</p>
        <p className="muted">The rest of the shop works as usual.</p>
      </div>
    );
  }
  return (
    <div className="discover-progress" role="status" aria-live="polite">
      <p>Loading the on-device models…</p>
      <ul>
        {state.models.map((m) => (
          <li key={m.id}>
            <span>{NAMES[m.id] ?? m.id}</span>
            <progress max={1} value={m.phase === 'loading' ? m.progress : m.phase === 'ready' ? 1 : 0} aria-label={`${NAMES[m.id] ?? m.id} loading`} />
          </li>
        ))}
      </ul>
    </div>
  );
}
