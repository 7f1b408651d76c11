/** Types of the Talentscan host SDK (/embed.mjs as a module, /embed.js as a plain script: window.Talentscan). */
export type TalentscanLocale = 'nl' | 'en' | 'uk' | 'ar';

export type TalentscanEventType =
  | 'ready'
  | 'scan.started'
  | 'game.started'
  | 'game.completed'
  | 'scan.completed'
  | 'scan.aborted'
  | 'resize'
  | 'xapi.statement'
  | 'error'
  | 'debug';

export interface MountOptions {
  /** The pilot id Talentscan configured for you. */
  pilot: string;
  /** Origin of the Talentscan server, e.g. "https://scan.example". */
  origin: string;
  locale?: TalentscanLocale;
  /** The iframe's accessible title. */
  title?: string;
  /**
   * The pilot backend's start token for this mount (docs/embed-protocol.md, "Start token"): asked right before the
   * certified session is created, with the mount's `embedId`, which the token must name. A function, so each session
   * gets a fresh single-use token; a string works for one session only.
   */
  startToken?: string | ((embedId: string) => string | Promise<string>);
  /** Opens the scan with its automation hook, for browser tests against a TEST build of Talentscan; production ignores it. */
  automation?: boolean;
  /** Every event the scan sends, in order (see docs/embed-protocol.md for the payloads). */
  onEvent?: (type: TalentscanEventType, payload: unknown) => void;
}

export interface TalentscanHandle {
  readonly embedId: string;
  readonly iframe: HTMLIFrameElement;
  start(): void;
  pause(): void;
  setLocale(locale: TalentscanLocale): void;
  destroy(): void;
}

export interface TalentscanSdk {
  readonly version: string;
  mount(element: HTMLElement, options: MountOptions): TalentscanHandle;
}

export declare const Talentscan: TalentscanSdk;
export default Talentscan;

declare global {
  interface Window {
    Talentscan: TalentscanSdk;
  }
}
