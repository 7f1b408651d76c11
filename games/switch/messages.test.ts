import { describe, expect, it } from 'vitest';
import { taskSwitch } from './index.ts';
import { switchMessages } from './messages.ts';

describe('Switch messages', () => {
  it('name, every block instruction and every metric in all four languages, and no stray keys', () => {
    const keys = [
      `game.${taskSwitch.id}`,
      ...new Set(taskSwitch.design(1).blocks.map((b) => b.instruction)),
      ...taskSwitch.metrics.map((m) => `metric.${taskSwitch.id}.${m.id}`),
    ].sort();
    for (const [lang, messages] of Object.entries(switchMessages)) {
      expect(Object.keys(messages).sort(), lang).toEqual(keys);
      for (const key of keys) expect(messages[key], `${lang}: ${key}`).toMatch(/\S/);
    }
  });
});
