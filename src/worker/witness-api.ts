import type {
  CreateSessionRequest,
  CreateSessionResponse,
  CredentialRequest,
  GameStartResponse,
  UploadBatchRequest,
  UploadBatchResponse,
  WitnessError,
  WitnessStatus,
} from '../log/witness.ts';

/**
 * The browser's side of the witness HTTP contract (src/log/witness.ts): one function per endpoint, used by the page
 * (create the session, game seeds, the credential) and by the recorder worker (batches, status). Same origin only.
 */
export class WitnessHttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }

  /** Worth trying again later: the server or the network, not the request, is the problem. */
  get transient(): boolean {
    return this.status === 0 || this.status === 408 || this.status === 429 || this.status >= 500;
  }
}

interface CallOptions {
  token?: string | undefined;
  body?: unknown;
  fetchImpl?: typeof fetch | undefined;
}

async function call<T>(method: string, path: string, opts: CallOptions = {}): Promise<T> {
  const headers: Record<string, string> = {};
  if (opts.body !== undefined) headers['content-type'] = 'application/json';
  if (opts.token) headers['authorization'] = `Bearer ${opts.token}`;
  let res: Response;
  try {
    res = await (opts.fetchImpl ?? fetch)(path, {
      method,
      headers,
      credentials: 'same-origin',
      ...(opts.body === undefined ? {} : { body: JSON.stringify(opts.body) }),
    });
  } catch (err) {
    throw new WitnessHttpError(0, 'network', err instanceof Error ? err.message : String(err));
  }
  const answer = (await res.json().catch(() => null)) as unknown;
  if (!res.ok) {
    const e = (answer ?? {}) as Partial<WitnessError>;
    throw new WitnessHttpError(
      res.status,
      typeof e.error === 'string' ? e.error : `http-${res.status}`,
      typeof e.message === 'string' ? e.message : res.statusText,
    );
  }
  return answer as T;
}

const at = (sessionId: string) => `/api/sessions/${encodeURIComponent(sessionId)}`;

export function createSession(body: CreateSessionRequest, fetchImpl?: typeof fetch): Promise<CreateSessionResponse> {
  return call('POST', '/api/sessions', { body, fetchImpl });
}

export function startGame(sessionId: string, token: string, game: string, fetchImpl?: typeof fetch): Promise<GameStartResponse> {
  return call('POST', `${at(sessionId)}/games/${encodeURIComponent(game)}/start`, { token, body: {}, fetchImpl });
}

export function uploadBatch(sessionId: string, token: string, body: UploadBatchRequest, fetchImpl?: typeof fetch): Promise<UploadBatchResponse> {
  return call('POST', `${at(sessionId)}/batches`, { token, body, fetchImpl });
}

export function witnessStatus(sessionId: string, token: string, fetchImpl?: typeof fetch): Promise<WitnessStatus> {
  return call('GET', at(sessionId), { token, fetchImpl });
}

export function requestCredential<T>(sessionId: string, token: string, body: CredentialRequest, fetchImpl?: typeof fetch): Promise<T> {
  return call('POST', `${at(sessionId)}/credential`, { token, body, fetchImpl });
}

export function deleteWitnessed(sessionId: string, token: string, fetchImpl?: typeof fetch): Promise<unknown> {
  return call('DELETE', at(sessionId), { token, fetchImpl });
}
