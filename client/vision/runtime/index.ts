/**
 * The shared vision runtime: tfjs backend choice, model manifest and paths, graph model loading
 * and the model status registry. Discovery (issue 4) and try-on (issue 5) both build on it.
 */
export { type BackendName, type BackendOptions, backendOrder, initBackend, tf } from './backend.js';
export { isSoftwareWebGl } from './webgl.js';
export { type ByteSource, fetchBytes, loadGraphModel, type ModelLocation } from './loader.js';
export { type ModelEntry, type ModelFeature, type ModelId, modelEntry, modelManifest, modelPath } from './manifest.js';
export { type ModelState, ModelStatusRegistry, modelStatus } from './status.js';

/** URL base of model files in the browser (served by the shop server from models/files). */
export const MODELS_URL = '/models';
