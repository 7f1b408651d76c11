/**
 * Asking a wallet for a presentation through our server (OpenID4VP, see src/server/openid4vp/): creates the request,
 * then polls until the wallet has answered (or the request expired). A Lit reactive controller so the polling stops
 * when the workspace leaves the page.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Domain } from '../../runtime/game-contract.ts';

export interface WalletRequest {
  id: string;
  uri: string;
  qrSvg: string;
  expiresAt: string;
  domains: Domain[];
}
export type WalletOutcome =
  | { status: 'received'; presentation: string; receivedAt: string }
  | { status: 'refused'; reason: string; detail: string }
  | { status: 'expired' };

export class WalletRequestController implements ReactiveController {
  request: WalletRequest | undefined;
  error: string | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly onOutcome: (o: WalletOutcome, r: WalletRequest) => void,
    private readonly intervalMs = 1000,
  ) {
    host.addController(this);
  }

  hostDisconnected(): void {
    this.cancel();
  }

  async start(domains: Domain[]): Promise<void> {
    this.cancel();
    this.error = undefined;
    try {
      const res = await fetch('/coach/api/presentations', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ domains }),
      });
      if (!res.ok) throw new Error(((await res.json()) as { reason?: string }).reason ?? `HTTP ${res.status}`);
      this.request = (await res.json()) as WalletRequest;
      this.schedule();
    } catch (err) {
      this.error = (err as Error).message;
    }
    this.host.requestUpdate();
  }

  cancel(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    this.request = undefined;
    this.host.requestUpdate();
  }

  private schedule(): void {
    this.timer = setTimeout(() => void this.poll(), this.intervalMs);
  }

  private async poll(): Promise<void> {
    const r = this.request;
    if (!r) return;
    let outcome: WalletOutcome | undefined;
    try {
      const res = await fetch(`/coach/api/presentations/${encodeURIComponent(r.id)}`);
      if (res.status === 404) outcome = { status: 'expired' };
      else if (res.ok) {
        const body = (await res.json()) as { status: string } & Partial<{ presentation: string; receivedAt: string; reason: string; detail: string }>;
        if (body.status === 'received' && body.presentation)
          outcome = { status: 'received', presentation: body.presentation, receivedAt: body.receivedAt ?? '' };
        else if (body.status === 'refused') outcome = { status: 'refused', reason: body.reason ?? 'malformed', detail: body.detail ?? '' };
      }
    } catch {
      // A dropped poll is retried; the request expires on the server by itself.
    }
    if (this.request !== r) return;
    if (!outcome) {
      this.schedule();
      return;
    }
    this.request = undefined;
    this.timer = undefined;
    this.onOutcome(outcome, r);
    this.host.requestUpdate();
  }
}
