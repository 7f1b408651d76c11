import type { InputDevice, InputEvent } from '../log/events.ts';

export type CapturedRaw = Omit<InputEvent, 'seq' | 'page'>;

/** Keys the browser keeps: focus moves and modifiers are never answers and never prevented. */
const PASS_THROUGH = new Set(['Tab', 'Shift', 'Control', 'Alt', 'Meta', 'CapsLock', 'Escape', 'F5', 'F11', 'F12']);

/**
 * Native capture-phase listeners on window: they run before any other handler, and stamp each input with
 * `event.timeStamp` (the time the OS delivered it, not the time the busy main thread got round to it).
 * Active only while a block runs, so nothing is logged outside the games (data minimisation).
 */
export function startInputCapture(stage: () => HTMLElement | null, onInput: (input: CapturedRaw) => void): () => void {
  const onKey = (e: KeyboardEvent) => {
    if (e.repeat || PASS_THROUGH.has(e.key)) return;
    e.preventDefault(); // arrows and space must not scroll the page mid-trial
    onInput({ type: 'input', t: e.timeStamp, device: 'keyboard', key: e.key, trusted: e.isTrusted });
  };
  const onPointer = (e: PointerEvent) => {
    if (e.button > 0) return; // right and middle buttons
    if (onShellControl(e)) return;
    const rect = stage()?.getBoundingClientRect();
    const x = rect && rect.width > 0 ? (e.clientX - rect.left) / rect.width : undefined;
    const y = rect && rect.height > 0 ? (e.clientY - rect.top) / rect.height : undefined;
    onInput({
      type: 'input',
      t: e.timeStamp,
      device: pointerDevice(e.pointerType),
      ...(x === undefined ? {} : { x: round4(x) }),
      ...(y === undefined ? {} : { y: round4(y) }),
      trusted: e.isTrusted,
    });
  };
  const options = { capture: true, passive: false } as const;
  window.addEventListener('keydown', onKey, options);
  window.addEventListener('pointerdown', onPointer, options);
  return () => {
    window.removeEventListener('keydown', onKey, options);
    window.removeEventListener('pointerdown', onPointer, options);
  };
}

/**
 * A press on one of the shell's own controls shown during a block (Pause: marked `data-shell-control`) is never an
 * answer: a game that reads any tap would otherwise take the press that pauses it as a response.
 */
function onShellControl(e: Event): boolean {
  return e.composedPath().some((n) => n instanceof HTMLElement && n.dataset['shellControl'] !== undefined);
}

function pointerDevice(type: string): InputDevice {
  return type === 'touch' ? 'touch' : type === 'pen' ? 'pen' : 'mouse';
}

function round4(v: number): number {
  return Math.round(v * 10000) / 10000;
}
