/**
 * IETF Token Status List (draft-ietf-oauth-status-list): the issuer publishes one signed list (`statuslist+jwt`);
 * each credential's `status.status_list` names the list's URI and its index. 1 bit per credential:
 * 0 = VALID, 1 = INVALID (revoked). Indexes are handed out at random, so an index says nothing about issue order.
 */
import { getListFromStatusListJWT, StatusList } from '@sd-jwt/jwt-status-list';

export const STATUS_VALID = 0;
export const STATUS_INVALID = 1;
export const STATUS_LIST_TYP = 'statuslist+jwt';

/** The `status_list` claim for a list of `size` entries whose revoked indexes are given. */
export function statusListClaim(size: number, revoked: Iterable<number>): { bits: 1; lst: string } {
  const list = new StatusList(new Array<number>(size).fill(STATUS_VALID), 1);
  for (const i of revoked) if (i >= 0 && i < size) list.setStatus(i, STATUS_INVALID);
  return { bits: 1, lst: list.compressStatusList() };
}

/** Reads one entry from a status list JWT (signature checked by the caller). */
export function statusAt(statusListJwt: string, idx: number): number {
  const list = getListFromStatusListJWT(statusListJwt);
  if (!Number.isInteger(idx) || idx < 0 || idx >= list.statusList.length) throw new Error(`Status index ${idx} is outside the list`);
  return list.getStatus(idx);
}
