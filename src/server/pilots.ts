/**
 * Pilot configurations (`<app>/pilots/<id>.json`, from `public/pilots/`), validated once at start: a file that does
 * not match the schema, or whose id is not its file name, stops the server with the reason.
 */
import Ajv from 'ajv';
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { PILOT_SCHEMA, type PilotConfig } from '../embed/pilot.ts';

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
    const hostOrigins = data.demo && opts.demoHostOrigin ? [...new Set([...data.hostOrigins, opts.demoHostOrigin])] : data.hostOrigins;
    pilots.set(data.id, { ...data, hostOrigins });
  }
  return pilots;
}
