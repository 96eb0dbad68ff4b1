/**
 * A small registry of model states (loading with progress, ready, unavailable with a reason) that
 * the UI subscribes to, so a missing model disables only the feature that needs it.
 */
import type { ModelFeature, ModelId } from './manifest.js';
import { modelEntry } from './manifest.js';

export type ModelState =
  | { id: ModelId; phase: 'idle' }
  | { id: ModelId; phase: 'loading'; progress: number }
  | { id: ModelId; phase: 'ready'; loadMs: number }
  | { id: ModelId; phase: 'unavailable'; reason: string };

type Listener = (states: ReadonlyMap<ModelId, ModelState>) => void;

/** Observable map of model states; one per app (see `modelStatus`). */
export class ModelStatusRegistry {
  private states = new Map<ModelId, ModelState>();
  private listeners = new Set<Listener>();

  /** Current state of one model ('idle' if never touched). */
  get(id: ModelId): ModelState {
    return this.states.get(id) ?? { id, phase: 'idle' };
  }

  /** Records a new state and notifies subscribers. */
  set(state: ModelState): void {
    this.states.set(state.id, state);
    for (const listener of this.listeners) listener(this.states);
  }

  /** Calls back on every change; returns the unsubscribe function. */
  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    listener(this.states);
    return () => this.listeners.delete(listener);
  }

  /** Every model state so far. */
  all(): ModelState[] {
    return [...this.states.values()];
  }

  /** Why a feature cannot run, or undefined when none of its touched models is unavailable. */
  featureProblem(feature: ModelFeature): string | undefined {
    for (const state of this.states.values()) {
      if (state.phase === 'unavailable' && modelEntry(state.id).features.includes(feature)) {
        return `${modelEntry(state.id).purpose.split(';')[0]} (${state.id}) is unavailable: ${state.reason}`;
      }
    }
    return undefined;
  }
}

/** The app-wide registry. */
export const modelStatus = new ModelStatusRegistry();
