/**
 * Pilot configurations (`<app>/pilots/<id>.json`, from `public/pilots/`), validated once at start: a file that does
 * not match the schema, or whose id is not its file name, stops the server with the reason.
 */
import Ajv from 'ajv';
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { PILOT_SCHEMA, type PilotConfig, type StartTokenConfig } from '../embed/pilot.ts';
import { BATTERIES } from '../runtime/batteries.ts';
import { NORM_GROUPS } from '../scoring/norm-registry.ts';
import { EXAMPLE_ROLES } from '../scoring/role-profiles.ts';

export class PilotConfigError extends Error {}

export function loadPilots(dir: string, opts: { demoHostOrigin?: string } = {}): Map<string, PilotConfig> {
  const validate = new Ajv({ allErrors: true }).compile<PilotConfig>(PILOT_SCHEMA);
  const pilots = new Map<string, PilotConfig>();
  let files: string[];
  try {
    files = readdirSync(dir).filter((f) => f.endsWith('.json'));
  } catch {
    return pilots;
  }
  for (const file of files.sort()) {
    let data: unknown;
    try {
      data = JSON.parse(readFileSync(join(dir, file), 'utf8'));
    } catch (err) {
      throw new PilotConfigError(`pilots/${file}: not JSON (${(err as Error).message})`);
    }
    const secret = privateKeyMember(data);
    if (secret) throw new PilotConfigError(`pilots/${file}: startToken.jwks holds a private key member "${secret}"; a pilot file holds public keys only`);
    if (!validate(data)) {
      const why = (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message}`).join('; ');
      throw new PilotConfigError(`pilots/${file}: ${why}`);
    }
    if (data.id !== basename(file, '.json')) throw new PilotConfigError(`pilots/${file}: id "${data.id}" is not the file name`);
    const unknown = unknownReferences(data);
    if (unknown) throw new PilotConfigError(`pilots/${file}: ${unknown}`);
    const hostOrigins = data.demo && opts.demoHostOrigin ? [...new Set([...data.hostOrigins, opts.demoHostOrigin])] : data.hostOrigins;
    pilots.set(data.id, { ...data, hostOrigins, ...(data.startToken ? { startToken: demoStartToken(data.startToken, opts.demoHostOrigin) } : {}) });
  }
  return pilots;
}

/** The member of an inline JWK that only a private key has, if any (checked before the schema, for a clear message). */
function privateKeyMember(data: unknown): string | null {
  const keys = (data as { startToken?: { jwks?: { keys?: unknown } } } | null)?.startToken?.jwks?.keys;
  if (!Array.isArray(keys)) return null;
  for (const k of keys) {
    const found = ['d', 'p', 'q', 'dp', 'dq', 'qi', 'k'].find((m) => typeof k === 'object' && k !== null && Object.hasOwn(k, m));
    if (found) return found;
  }
  return null;
}

/**
 * The demo pilot's JWKS is its demo host's (`npm start` runs it on DEMO_HOST_PORT): a path is resolved against that
 * origin. Without a demo host the path names nothing: the requirement stays and no key matches, so nobody can vouch.
 */
function demoStartToken(st: StartTokenConfig, demoHostOrigin: string | undefined): StartTokenConfig {
  if (!st.jwksUri?.startsWith('/')) return st;
  return demoHostOrigin ? { ...st, jwksUri: new URL(st.jwksUri, demoHostOrigin).href } : { required: st.required };
}

/** Loopback hosts, where a JWKS may be served over plain http (a developer's machine, the demo host). */
const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

/** What the schema cannot know: the battery, the norm group and the roles must be ones this server has. */
function unknownReferences(p: PilotConfig): string | null {
  const uri = p.startToken?.jwksUri;
  if (uri?.startsWith('/') && !p.demo) return `startToken.jwksUri "${uri}" must be an absolute URL (only the demo pilot's may be a path on its demo host)`;
  if (uri && !uri.startsWith('/')) {
    const url = URL.parse(uri);
    if (!url) return `startToken.jwksUri "${uri}" is not a URL`;
    if (url.protocol !== 'https:' && !LOOPBACK.has(url.hostname)) return `startToken.jwksUri "${uri}" must use https (plain http only on a loopback host)`;
  }
  if (!Object.hasOwn(BATTERIES, p.battery)) return `unknown battery "${p.battery}" (known: ${Object.keys(BATTERIES).join(', ')})`;
  if (!Object.hasOwn(NORM_GROUPS, p.normGroup)) return `unknown norm group "${p.normGroup}" (known: ${Object.keys(NORM_GROUPS).join(', ')})`;
  const contrast = contrastWithWhite(p.branding.accent);
  // The accent is the buttons' background under white text and the colour of links: WCAG 2.2 AA asks 4.5:1.
  if (contrast < 4.5) return `branding.accent ${p.branding.accent} has a contrast of ${contrast.toFixed(2)}:1 with white; at least 4.5:1 is needed`;
  const roles = new Set(EXAMPLE_ROLES.roles.map((r) => r.id));
  const missing = p.roles.filter((r) => !roles.has(r));
  return missing.length ? `unknown role(s) ${missing.join(', ')} (known: ${[...roles].join(', ')})` : null;
}

/** WCAG 2.x contrast ratio of a #rrggbb colour with white. */
export function contrastWithWhite(hex: string): number {
  const channel = (i: number) => {
    const c = Number.parseInt(hex.slice(1 + 2 * i, 3 + 2 * i), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  const luminance = 0.2126 * channel(0) + 0.7152 * channel(1) + 0.0722 * channel(2);
  return 1.05 / (luminance + 0.05);
}
