/**
 * Pilot configurations (`<app>/pilots/<id>.json`, from `public/pilots/`), validated once at start: a file that does
 * not match the schema, or whose id is not its file name, stops the server with the reason.
 */
import Ajv from 'ajv';
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { PILOT_SCHEMA, type PilotConfig } from '../embed/pilot.ts';
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
    if (!validate(data)) {
      const why = (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message}`).join('; ');
      throw new PilotConfigError(`pilots/${file}: ${why}`);
    }
    if (data.id !== basename(file, '.json')) throw new PilotConfigError(`pilots/${file}: id "${data.id}" is not the file name`);
    const unknown = unknownReferences(data);
    if (unknown) throw new PilotConfigError(`pilots/${file}: ${unknown}`);
    const hostOrigins = data.demo && opts.demoHostOrigin ? [...new Set([...data.hostOrigins, opts.demoHostOrigin])] : data.hostOrigins;
    pilots.set(data.id, { ...data, hostOrigins });
  }
  return pilots;
}

/** What the schema cannot know: the battery, the norm group and the roles must be ones this server has. */
function unknownReferences(p: PilotConfig): string | null {
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
