/**
 * Which Phaser renderer draws the games. WebGL where the browser runs it on a GPU; the 2D canvas where WebGL would be
 * a software emulation (no GPU, a blocklisted driver, a virtual machine — the browser then refuses a context created
 * with `failIfMajorPerformanceCaveat`, or names a software renderer). Our scenes are flat 2D shapes and text: in software the 2D canvas draws them
 * with far less CPU per frame than an emulated GPU, and frames lost while a stimulus is up are what the games must
 * avoid. An automated run may force one (`?renderer=webgl|canvas` with the automation hook) so that bench:web can
 * compare the two on the same machine.
 */
export type RendererChoice = 'webgl' | 'canvas';

export function chooseRenderer(fastWebGL: () => boolean, forced: string | null = null): RendererChoice {
  if (forced === 'webgl' || forced === 'canvas') return forced;
  return fastWebGL() ? 'webgl' : 'canvas';
}

/** Renderer names of WebGL run on the CPU (Chromium's SwiftShader, Mesa's llvmpipe/softpipe, Windows' WARP). */
const SOFTWARE_GL = /swiftshader|llvmpipe|softpipe|software|basic render|warp/i;

/**
 * Whether a renderer string names a GPU: Chromium does not always flag its own software WebGL as a major performance
 * caveat (headless, `--disable-gpu`: "ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device …))"), so the name is read too.
 */
export function isHardwareRenderer(renderer: string | null): boolean {
  return renderer === null || !SOFTWARE_GL.test(renderer);
}

/** Whether this browser gives a WebGL context on a GPU (the probe context is released). */
export function browserHasFastWebGL(): boolean {
  const gl = document.createElement('canvas').getContext('webgl', { failIfMajorPerformanceCaveat: true });
  if (!gl) return false;
  const info = gl.getExtension('WEBGL_debug_renderer_info');
  const renderer = info ? String(gl.getParameter(info.UNMASKED_RENDERER_WEBGL)) : String(gl.getParameter(gl.RENDERER));
  gl.getExtension('WEBGL_lose_context')?.loseContext();
  return isHardwareRenderer(renderer);
}
