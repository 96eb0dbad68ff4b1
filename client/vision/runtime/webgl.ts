/**
 * Whether this browser's WebGL is software-rendered (SwiftShader, llvmpipe): tfjs webgl and the
 * MediaPipe GPU delegate are then many times slower than wasm / the CPU delegate. No tfjs import, so
 * pages that only need the answer (try-on) do not pull tfjs in. Works in workers (OffscreenCanvas).
 */
export function isSoftwareWebGl(): boolean {
  try {
    const canvas = typeof OffscreenCanvas !== 'undefined' ? new OffscreenCanvas(1, 1) : document.createElement('canvas');
    const gl = (canvas.getContext('webgl2') ?? canvas.getContext('webgl')) as WebGLRenderingContext | null;
    if (!gl) return true;
    const info = gl.getExtension('WEBGL_debug_renderer_info');
    const renderer = String(info ? gl.getParameter(info.UNMASKED_RENDERER_WEBGL) : gl.getParameter(gl.RENDERER));
    // Free the probe context now: browsers cap live WebGL contexts and the page needs its own.
    gl.getExtension('WEBGL_lose_context')?.loseContext();
    return /swiftshader|llvmpipe|software|basic render/i.test(renderer);
  } catch {
    return true;
  }
}
