import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EMBED_PROTOCOL_VERSION, envelope, FRAME_EVENTS, HOST_COMMANDS, parseHostCommand } from './protocol.ts';

const DOC = readFileSync(resolve(import.meta.dirname, '../../docs/embed-protocol.md'), 'utf8');

/** The message types in the first column of the table under `heading`. */
function documentedTypes(heading: string): string[] {
  const section = DOC.split(`## ${heading}`)[1]?.split(/\n## /)[0] ?? '';
  return [...section.matchAll(/^\| `([a-zA-Z.]+)` \|/gm)].map((m) => m[1] as string);
}

describe('embed protocol', () => {
  it('docs/embed-protocol.md lists exactly the message types the code knows, both ways', () => {
    expect(documentedTypes('Messages from the host (commands)')).toEqual([...HOST_COMMANDS]);
    expect(documentedTypes('Messages from the scan (events)')).toEqual([...FRAME_EVENTS]);
    expect(DOC).toContain(`# Embed protocol, version ${EMBED_PROTOCOL_VERSION}`);
  });

  it('accepts each command in its documented shape and rejects everything else without throwing', () => {
    const id = 'abcdef';
    expect(parseHostCommand(envelope(id, 'hello', { version: '1.0' }), id)).toEqual({ ok: true, command: { type: 'hello', payload: { version: '1.0' } } });
    expect(parseHostCommand(envelope(id, 'setLocale', { locale: 'uk' }), id)).toMatchObject({ ok: true });
    expect(parseHostCommand(envelope(id, 'setLocale', { locale: 'english' }), id)).toEqual({ ok: false, why: 'bad-payload' });
    expect(parseHostCommand(envelope(id, 'start', undefined), id)).toMatchObject({ ok: true });
    expect(parseHostCommand(envelope(id, 'hello', { version: '1.0', startToken: true }), id)).toEqual({
      ok: true,
      command: { type: 'hello', payload: { version: '1.0', startToken: true } },
    });
    expect(parseHostCommand(envelope(id, 'startToken', { token: 'eyJh.eyJp.c2ln' }), id)).toEqual({
      ok: true,
      command: { type: 'startToken', payload: { token: 'eyJh.eyJp.c2ln' } },
    });
    expect(parseHostCommand(envelope(id, 'startToken', { token: null }), id)).toMatchObject({ ok: true });
    for (const token of ['not a jws', 'a.b', `a.b.${'c'.repeat(4096)}`, 42, undefined]) {
      expect(parseHostCommand(envelope(id, 'startToken', { token }), id)).toEqual({ ok: false, why: 'bad-payload' });
    }
    for (const junk of [null, 1, 'x', [], {}, { source: 'talentscan' }, Object.create(null)]) {
      expect(parseHostCommand(junk, id)).toEqual({ ok: false, why: 'not-an-envelope' });
    }
    expect(parseHostCommand(envelope('zzzzzz', 'start', {}), id)).toEqual({ ok: false, why: 'wrong-embed-id' });
    expect(parseHostCommand(envelope(id, '__proto__', {}), id)).toEqual({ ok: false, why: 'unknown-type' });
  });
});
