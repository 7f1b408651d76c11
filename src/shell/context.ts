import { createContext } from '@lit/context';
import type { RecorderClient } from '../runtime/recorder-client.ts';

/** The page's recorder worker, provided by <ts-app> to every component that needs the log. */
export const recorderContext = createContext<RecorderClient>(Symbol('recorder'));
