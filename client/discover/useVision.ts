/** React glue for the vision worker: one VisionClient per mounted page, its state as React state. */
import { useEffect, useState } from 'react';
import { VisionClient, type VisionState } from './visionClient.js';

/** The page's vision client and its current state (loading progress, ready, failed). */
export function useVision(): { client: VisionClient | undefined; state: VisionState } {
  const [client, setClient] = useState<VisionClient>();
  const [state, setState] = useState<VisionState>({ phase: 'loading', models: [] });
  useEffect(() => {
    const c = new VisionClient();
    setClient(c);
    const off = c.subscribe(setState);
    return () => {
      off();
      c.dispose();
    };
  }, []);
  return { client, state };
}
