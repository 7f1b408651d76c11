/**
 * Onset stamping (the double-rAF method of lab.js, made exact for Phaser).
 *
 * A stimulus is rendered during a Phaser step, inside the rAF callback of frame N (time `frameTime` = game.loop.now).
 * That frame reaches the screen at the next vsync, which is when frame N + 1 begins. So the onset is the rAF
 * timestamp of the first frame that begins after `frameTime`. Both values are on the main-thread performance clock,
 * the same clock as `event.timeStamp`, so RT = response.timeStamp − onset needs no conversion. The constant display
 * latency after that vsync (compositor, panel) is the same for every trial and is not part of the bookkeeping.
 */
export function onsetAfterFrame(frameTime: number, raf: (cb: FrameRequestCallback) => number = requestAnimationFrame): Promise<number> {
  return new Promise((resolve) => {
    const tick = (ts: number) => (ts > frameTime ? resolve(ts) : raf(tick));
    raf(tick);
  });
}
