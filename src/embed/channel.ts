import {
  EMBED_PROTOCOL_VERSION,
  envelope,
  type FrameEventType,
  type HostCommand,
  type HostCommandPayloads,
  parseHostCommand,
  type Rejection,
} from './protocol.ts';

/** The parts of the iframe's window and its parent that the channel uses (a test passes its own). */
export interface ChannelEnvironment {
  addEventListener(type: 'message', listener: (e: MessageEvent) => void): void;
  removeEventListener(type: 'message', listener: (e: MessageEvent) => void): void;
  /** The host's window (`window.parent`); null when the page is not framed. */
  parent: { postMessage(message: unknown, targetOrigin: string): void } | null;
  setTimeout(fn: () => void, ms: number): unknown;
}

export type IgnoredReason = Rejection | 'wrong-origin' | 'wrong-window' | 'before-hello';

/** Events sent before the host said hello wait, up to this many; later ones replace the oldest. */
const MAX_QUEUED = 64;
/** Ignored messages are reported at most this often, so a flood of forgeries cannot flood the host. */
const DEBUG_EVERY_MS = 1000;

/**
 * The iframe's end of the embed protocol. Posts only to `hostOrigin` (one of the pilot's configured origins) and only
 * to the parent window; accepts only envelopes from that origin and that window carrying this embed's id. Events
 * raised before the host's `hello` are kept and delivered after `ready`, in order.
 */
export class EmbedChannel {
  private connected = false;
  private queued: { type: FrameEventType; payload: unknown }[] = [];
  private readonly ignored = new Map<IgnoredReason, number>();
  private debugScheduled = false;
  private readonly listener = (e: MessageEvent) => this.receive(e);

  constructor(
    private readonly opts: {
      hostOrigin: string;
      embedId: string;
      env: ChannelEnvironment;
      /** What the iframe tells the host in `ready` (pilot id, locale, …). */
      readyPayload: () => Record<string, unknown>;
      onCommand: (command: HostCommand) => void;
      /** Told of every `hello` (what the host says it can do, e.g. answer start-token requests). */
      onHello?: (payload: HostCommandPayloads['hello']) => void;
    },
  ) {}

  open(): void {
    this.opts.env.addEventListener('message', this.listener);
  }

  close(): void {
    this.opts.env.removeEventListener('message', this.listener);
  }

  get isConnected(): boolean {
    return this.connected;
  }

  /** Counts of ignored messages by reason (what the `debug` event reports). */
  ignoredCounts(): Record<string, number> {
    return Object.fromEntries(this.ignored);
  }

  send(type: FrameEventType, payload: unknown = {}): void {
    if (!this.connected) {
      this.queued.push({ type, payload });
      if (this.queued.length > MAX_QUEUED) this.queued.shift();
      return;
    }
    this.post(type, payload);
  }

  private post(type: FrameEventType, payload: unknown): void {
    this.opts.env.parent?.postMessage(envelope(this.opts.embedId, type, payload), this.opts.hostOrigin);
  }

  private receive(e: MessageEvent): void {
    if (e.origin !== this.opts.hostOrigin) return this.ignore('wrong-origin');
    if (!this.opts.env.parent || e.source !== this.opts.env.parent) return this.ignore('wrong-window');
    const parsed = parseHostCommand(e.data, this.opts.embedId);
    if (!parsed.ok) {
      if (parsed.why === 'version-mismatch') this.post('error', { code: 'version-mismatch', supported: EMBED_PROTOCOL_VERSION });
      return this.ignore(parsed.why);
    }
    const { command } = parsed;
    if (command.type === 'hello') {
      this.opts.onHello?.(command.payload);
      // A repeated hello (the host retries until it hears ready) is answered again but flushes nothing twice.
      this.post('ready', { version: EMBED_PROTOCOL_VERSION, ...this.opts.readyPayload() });
      if (!this.connected) {
        this.connected = true;
        for (const q of this.queued.splice(0)) this.post(q.type, q.payload);
      }
      return;
    }
    if (!this.connected) return this.ignore('before-hello');
    this.opts.onCommand(command);
  }

  private ignore(why: IgnoredReason): void {
    this.ignored.set(why, (this.ignored.get(why) ?? 0) + 1);
    if (this.debugScheduled) return;
    this.debugScheduled = true;
    this.opts.env.setTimeout(() => {
      this.debugScheduled = false;
      // Only the configured host hears of it; a forger learns nothing.
      if (this.connected) this.post('debug', { ignored: this.ignoredCounts() });
    }, DEBUG_EVERY_MS);
  }
}
