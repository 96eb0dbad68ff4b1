/**
 * Whether this browser's WebGL is software (SwiftShader, llvmpipe): then MediaPipe runs on its CPU
 * delegate and the tfjs hand models on wasm, which are many times faster there than "GPU" paths.
 * (Same test as the vision runtime's, without importing tfjs into the try-on page.)
 */
export function softwareWebGl(): boolean {
  try {
    const gl = document.createElement('canvas').getContext('webgl');
    if (!gl) return true;
    const info = gl.getExtension('WEBGL_debug_renderer_info');
    const renderer = String(info ? gl.getParameter(info.UNMASKED_RENDERER_WEBGL) : gl.getParameter(gl.RENDERER));
    gl.getExtension('WEBGL_lose_context')?.loseContext();
    return /swiftshader|llvmpipe|software|basic render/i.test(renderer);
  } catch {
    return true;
  }
}
