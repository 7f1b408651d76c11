/**
 * The only state the coach side keeps on the server: short-lived presentation exchanges, in memory, each deleted when
 * the coach's page has read its outcome or when it expires. A bounded number at a time, so a flood cannot grow it.
 */
import type { Openid4vpAuthorizationRequest } from '@openid4vc/openid4vp';
import type { Domain } from '../../runtime/game-contract.ts';

export interface ExchangeOutcome {
  status: 'received' | 'refused';
  /** The presentation as the wallet sent it (the coach's page verifies it again and keeps it locally). */
  presentation?: string;
  reason?: string;
  detail?: string;
  receivedAt: string;
}

export interface Exchange {
  id: string;
  state: string;
  nonce: string;
  clientId: string;
  domains: Domain[];
  createdAt: number;
  expiresAt: number;
  /** The request as sent, to check the wallet's answer against. */
  request?: Openid4vpAuthorizationRequest;
  outcome?: ExchangeOutcome;
}

export class ExchangeStore {
  private readonly byId = new Map<string, Exchange>();
  private readonly idByState = new Map<string, string>();
  constructor(
    private readonly max = 1000,
    private readonly now: () => number = Date.now,
  ) {}

  add(x: Exchange): boolean {
    this.sweep();
    if (this.byId.size >= this.max) return false;
    this.byId.set(x.id, x);
    this.idByState.set(x.state, x.id);
    return true;
  }

  byState(state: string): Exchange | undefined {
    this.sweep();
    const id = this.idByState.get(state);
    return id ? this.byId.get(id) : undefined;
  }

  get(id: string): Exchange | undefined {
    this.sweep();
    return this.byId.get(id);
  }

  delete(id: string): void {
    const x = this.byId.get(id);
    if (!x) return;
    this.byId.delete(id);
    this.idByState.delete(x.state);
  }

  get size(): number {
    return this.byId.size;
  }

  private sweep(): void {
    const t = this.now();
    for (const x of this.byId.values()) if (x.expiresAt <= t) this.delete(x.id);
  }
}
