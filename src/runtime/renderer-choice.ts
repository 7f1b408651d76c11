/**
 * Which Phaser renderer draws the games. WebGL where the browser runs it on a GPU; the 2D canvas where WebGL would be
 * a software emulation (no GPU, a blocklisted driver, a virtual machine — the browser then refuses a context created
 * with `failIfMajorPerformanceCaveat`). Our scenes are flat 2D shapes and text: in software the 2D canvas draws them
 * with far less CPU per frame than an emulated GPU, and frames lost while a stimulus is up are what the games must
 * avoid. An automated run may force one (`?renderer=webgl|canvas` with the automation hook) so that bench:web can
 * compare the two on the same machine.
 */
export type RendererChoice = 'webgl' | 'canvas';

export function chooseRenderer(fastWebGL: () => boolean, forced: string | null = null): RendererChoice {
  if (forced === 'webgl' || forced === 'canvas') return forced;
  return fastWebGL() ? 'webgl' : 'canvas';
}

/** Whether this browser gives a WebGL context without a major performance caveat (the probe context is released). */
export function browserHasFastWebGL(): boolean {
  const gl = document.createElement('canvas').getContext('webgl', { failIfMajorPerformanceCaveat: true });
  gl?.getExtension('WEBGL_lose_context')?.loseContext();
  return gl !== null;
}
