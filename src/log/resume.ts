import type { BlockKind, LogEvent } from './events.ts';

export interface EndedBlock {
  block: number;
  attempt: number;
  kind: BlockKind;
  passed?: boolean;
}

export interface GameProgress {
  game: string;
  seed: number;
  ended: EndedBlock[];
  /** The block that was running when the log stops, if any. */
  open?: { block: number; attempt: number; kind: BlockKind; nextTrial: number };
}

/** Where a session stands, derived from its log alone (nothing else is stored about progress). */
export interface SessionState {
  sessionId: string;
  battery: string;
  lang: string;
  nextSeq: number;
  nextPage: number;
  completedGames: string[];
  current?: GameProgress;
  finished: boolean;
}

/**
 * Folds a log into the session state that resume needs. The safe point is the trial boundary: a block that was
 * running resumes at the first trial that did not complete (an interrupted trial runs again), so every completed
 * trial is kept.
 */
export function sessionState(events: readonly LogEvent[]): SessionState | null {
  const first = events[0];
  if (first?.type !== 'session-start') return null;
  const state: SessionState = {
    sessionId: first.sessionId,
    battery: first.battery,
    lang: first.lang,
    nextSeq: 0,
    nextPage: 0,
    completedGames: [],
    finished: false,
  };
  let lastTrialEnded = -1;
  for (const e of events) {
    state.nextSeq = e.seq + 1;
    state.nextPage = Math.max(state.nextPage, e.page + 1);
    switch (e.type) {
      case 'game-start':
        state.current = { game: e.game, seed: e.seed, ended: [] };
        break;
      case 'block-start':
        if (state.current?.game === e.game) {
          state.current.open = { block: e.block, attempt: e.attempt, kind: e.kind, nextTrial: 0 };
          lastTrialEnded = -1;
        }
        break;
      case 'trial-end':
        if (state.current?.open && e.block === state.current.open.block && e.reason !== 'interrupted') {
          lastTrialEnded = Math.max(lastTrialEnded, e.trial);
          state.current.open.nextTrial = lastTrialEnded + 1;
        }
        break;
      case 'block-end':
        if (state.current?.game === e.game) {
          const kind = state.current.open?.kind ?? 'test';
          state.current.ended.push({ block: e.block, attempt: e.attempt, kind, passed: e.passed });
          delete state.current.open;
        }
        break;
      case 'game-end':
        state.completedGames.push(e.game);
        delete state.current;
        break;
      case 'session-end':
        state.finished = true;
        break;
      default:
        break;
    }
  }
  return state;
}
