import type { LogEvent } from './events.ts';

/** Whether feedback sound was on after the first `upTo` events of `events` (all of them by default): off unless logged. */
export function soundAt(events: readonly LogEvent[], upTo = events.length): boolean {
  for (let i = Math.min(upTo, events.length) - 1; i >= 0; i--) {
    const e = events[i];
    if (e?.type === 'sound-setting') return e.on;
  }
  return false;
}

/** Feedback sound over one run of a block: on, off, or switched during it (on the pause screen). */
export interface BlockSound {
  game: string;
  block: number;
  attempt: number;
  sound: 'on' | 'off' | 'mixed';
}

/**
 * The sound setting of every block run in the log, from its `block-start` to its `block-end` (or the log's end): what
 * an analysis needs to set blocks played with sound apart. Derived, never stored (invariant 1).
 */
export function soundByBlock(events: readonly LogEvent[]): BlockSound[] {
  const out: BlockSound[] = [];
  let on = false;
  let open: { row: BlockSound; seen: Set<boolean> } | null = null;
  const close = () => {
    if (!open) return;
    open.row.sound = open.seen.size > 1 ? 'mixed' : open.seen.has(true) ? 'on' : 'off';
    out.push(open.row);
    open = null;
  };
  for (const e of events) {
    if (e.type === 'sound-setting') {
      on = e.on;
      open?.seen.add(on);
    } else if (e.type === 'block-start') {
      close();
      open = { row: { game: e.game, block: e.block, attempt: e.attempt, sound: 'off' }, seen: new Set([on]) };
    } else if (e.type === 'block-end') close();
  }
  close();
  return out;
}
