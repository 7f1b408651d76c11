import { describe, expect, it } from 'vitest';
import { type ChannelEnvironment, EmbedChannel } from './channel.ts';
import type { HostCommand } from './protocol.ts';
import { envelope } from './protocol.ts';

const HOST = 'https://pilot.example';
const ID = 'embed-123';

function harness() {
  const posted: { message: { type: string; payload: unknown; embedId: string }; origin: string }[] = [];
  const timers: (() => void)[] = [];
  let listener: ((e: MessageEvent) => void) | null = null;
  const parent = { postMessage: (message: unknown, origin: string) => posted.push({ message: message as never, origin }) };
  const env: ChannelEnvironment = {
    addEventListener: (_t, l) => (listener = l),
    removeEventListener: () => (listener = null),
    parent,
    setTimeout: (fn) => timers.push(fn),
  };
  const commands: HostCommand[] = [];
  const channel = new EmbedChannel({ hostOrigin: HOST, embedId: ID, env, readyPayload: () => ({ pilot: 'demo' }), onCommand: (c) => commands.push(c) });
  channel.open();
  const deliver = (data: unknown, origin = HOST, source: unknown = parent) => listener?.({ data, origin, source } as MessageEvent);
  return { channel, posted, commands, deliver, runTimers: () => timers.splice(0).forEach((f) => f()), parent };
}

describe('EmbedChannel', () => {
  it('answers hello with ready, then delivers the events raised before it, in order, to the host origin only', () => {
    const h = harness();
    h.channel.send('scan.started', { battery: 'short' });
    h.channel.send('resize', { height: 600 });
    expect(h.posted).toHaveLength(0);
    h.deliver(envelope(ID, 'hello', { version: '1.0' }));
    expect(h.posted.map((p) => p.message.type)).toEqual(['ready', 'scan.started', 'resize']);
    expect(h.posted.every((p) => p.origin === HOST && p.message.embedId === ID)).toBe(true);
    expect(h.posted[0]?.message.payload).toEqual({ version: '1.0', pilot: 'demo' });
    h.deliver(envelope(ID, 'hello', { version: '1.0' }));
    expect(h.posted.map((p) => p.message.type)).toEqual(['ready', 'scan.started', 'resize', 'ready']);
  });

  it('ignores forged commands — wrong origin, wrong window, wrong embedId, unknown shape — and reports only counts', () => {
    const h = harness();
    h.deliver(envelope(ID, 'hello', { version: '1.0' }));
    h.posted.length = 0;
    h.deliver(envelope(ID, 'start', {}), 'https://evil.example');
    h.deliver(envelope(ID, 'start', {}), HOST, { postMessage() {} });
    h.deliver(envelope('other-embed', 'start', {}));
    h.deliver(envelope(ID, 'start', { now: true }));
    h.deliver(envelope(ID, 'eraseEverything', {}));
    h.deliver('start');
    expect(h.commands).toEqual([]);
    expect(h.posted).toHaveLength(0);
    h.runTimers();
    expect(h.posted).toHaveLength(1);
    expect(h.posted[0]?.message).toMatchObject({
      type: 'debug',
      payload: { ignored: { 'wrong-origin': 1, 'wrong-window': 1, 'wrong-embed-id': 1, 'bad-payload': 1, 'unknown-type': 1, 'not-an-envelope': 1 } },
    });
    expect(h.posted[0]?.origin).toBe(HOST);
  });

  it('passes valid commands after the handshake, and none before it', () => {
    const h = harness();
    h.deliver(envelope(ID, 'start', {}));
    expect(h.commands).toEqual([]);
    h.deliver(envelope(ID, 'hello', { version: '1.2' }));
    h.deliver(envelope(ID, 'setLocale', { locale: 'ar' }));
    h.deliver(envelope(ID, 'pause', {}));
    expect(h.commands).toEqual([
      { type: 'setLocale', payload: { locale: 'ar' } },
      { type: 'pause', payload: {} },
    ]);
    expect(h.channel.ignoredCounts()).toEqual({ 'before-hello': 1 });
  });

  it('answers a host of another major version with an error instead of half-understanding it', () => {
    const h = harness();
    h.deliver({ ...envelope(ID, 'hello', { version: '2.0' }), version: '2.0' });
    expect(h.posted.map((p) => p.message.type)).toEqual(['error']);
    expect(h.posted[0]?.message.payload).toEqual({ code: 'version-mismatch', supported: '1.0' });
    expect(h.channel.isConnected).toBe(false);
    h.deliver(envelope(ID, 'hello', { version: '1.0' }));
    expect(h.channel.isConnected).toBe(true);
  });
});
