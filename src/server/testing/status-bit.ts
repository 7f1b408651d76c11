import { inflateSync } from 'node:zlib';
import { STATUS_LIST_PATH } from '../issuance.ts';

/** The status of entry `idx` in the token status list a server answers (1: revoked), read without the issuer's own code. */
export async function statusBit(base: string, idx: number): Promise<number> {
  const jwt = await (await fetch(`${base}${STATUS_LIST_PATH}`)).text();
  const claims = JSON.parse(Buffer.from(jwt.split('.')[1] ?? '', 'base64url').toString('utf8')) as { status_list: { lst: string } };
  const bytes = inflateSync(Buffer.from(claims.status_list.lst, 'base64url'));
  return ((bytes[idx >> 3] ?? 0) >> (idx & 7)) & 1;
}
