/**
 * The hash of the raw session log that a credential carries, so anyone holding the log can check that a credential
 * was computed from it (and recompute the scores with the versions the credential names).
 *
 * Definition: SHA-256 over the UTF-8 bytes of the JSON Canonicalization Scheme (RFC 8785) serialisation of the
 * events array. For the data in a log (objects, arrays, strings, finite numbers, booleans) RFC 8785 is: object keys
 * sorted by UTF-16 code units, no whitespace, numbers and strings as ECMAScript JSON.stringify writes them.
 * Written as `sha-256:<lowercase hex>`.
 */
import { hex, sha256 } from './encoding.ts';

export const LOG_HASH_ALGORITHM = 'sha-256';
export const LOG_HASH_CANONICALIZATION = 'RFC8785';

export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') {
    if (typeof value === 'number' && !Number.isFinite(value)) throw new Error('Non-finite number in log');
    if (value === undefined) throw new Error('undefined is not JSON');
    return JSON.stringify(value);
  }
  if (Array.isArray(value)) return `[${value.map((v) => canonicalJson(v)).join(',')}]`;
  const entries = Object.keys(value as Record<string, unknown>)
    .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
    .sort()
    .map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k])}`);
  return `{${entries.join(',')}}`;
}

export async function logHash(events: readonly unknown[]): Promise<string> {
  return `${LOG_HASH_ALGORITHM}:${hex(await sha256(canonicalJson(events)))}`;
}
