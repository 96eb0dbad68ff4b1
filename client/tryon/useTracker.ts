/** Starts the tracker once for the try-on page and disposes it on leave. */
import { useEffect, useState } from 'react';
import { createTracker, defaultTrackerConfig, type Tracker } from './tracking/trackerClient.js';
import { isSoftwareWebGl } from '../vision/runtime/webgl.js';

export type TrackerStatus = { state: 'loading' } | { state: 'ready'; tracker: Tracker } | { state: 'failed'; message: string };

export function useTracker(): TrackerStatus {
  const [status, setStatus] = useState<TrackerStatus>({ state: 'loading' });
  useEffect(() => {
    let cancelled = false;
    let tracker: Tracker | null = null;
    const params = new URLSearchParams(location.search);
    const config = { ...defaultTrackerConfig(isSoftwareWebGl()), forceTfjsFace: params.get('face') === 'tfjs' };
    createTracker(config, params.get('worker') !== '0')
      .then((t) => {
        tracker = t;
        if (cancelled) t.dispose();
        else if (t.ready.face === 'none' && !t.ready.hands) setStatus({ state: 'failed', message: t.ready.problems.join(' ') || 'The try-on models could not load.' });
        else setStatus({ state: 'ready', tracker: t });
      })
      .catch((e: unknown) => !cancelled && setStatus({ state: 'failed', message: e instanceof Error ? e.message : String(e) }));
    return () => {
      cancelled = true;
      tracker?.dispose();
    };
  }, []);
  return status;
}
