import { describe, expect, it } from 'vitest';
import type { LogEvent } from '../log/events.ts';
import { parseFeedback } from './feedback.ts';
import { LOG_CSV_COLUMNS, logCsv, myData } from './my-data.ts';

const events: LogEvent[] = [
  { type: 'session-start', seq: 0, page: 0, t: 0, sessionId: 's1', schema: 1, appVersion: '0.1.0', battery: 'reaction', lang: 'nl' },
  { type: 'input', seq: 1, page: 0, t: 12.5, device: 'keyboard', key: '=cmd', trusted: true },
  { type: 'response', seq: 2, page: 0, t: 12.5, game: 'reaction', block: 0, trial: 3, input: 1, value: 'left, "quoted"' },
  { type: 'session-end', seq: 3, page: 0, t: 20 },
];

describe('my data', () => {
  it('writes one CSV row per event under fixed columns, the rest as JSON details', () => {
    const lines = logCsv(events).split('\r\n');
    expect(lines[0]).toBe([...LOG_CSV_COLUMNS, 'details'].join(','));
    expect(lines).toHaveLength(events.length + 2); // header, rows, the final CRLF
    expect(lines[1]).toBe(
      '0,0,0,session-start,,,,,,,,,,,,"{""sessionId"":""s1"",""schema"":1,""appVersion"":""0.1.0"",""battery"":""reaction"",""lang"":""nl""}"',
    );
    expect(lines[3]).toBe('2,0,12.5,response,reaction,0,3,,,,,,,"left, ""quoted""",,"{""input"":1}"');
  });

  it('defuses text a spreadsheet would run as a formula, but keeps numbers as numbers', () => {
    const row = logCsv(events).split('\r\n')[2] ?? '';
    expect(row).toContain(",'=cmd,");
    expect(row.startsWith('1,0,12.5,input,')).toBe(true);
  });

  it('holds the log, the scores and only the parts that exist', () => {
    const d = myData('s1', events, []);
    expect(d).toEqual({ format: 'talentscan-my-data', version: 1, sessionId: 's1', events, scores: [] });
    expect(myData('s1', events, [], undefined, { at: 1, fun: 'yes' }).feedback).toEqual({ at: 1, fun: 'yes' });
  });

  it('reads stored answers defensively', () => {
    expect(parseFeedback(null)).toBeUndefined();
    expect(parseFeedback('not json')).toBeUndefined();
    expect(parseFeedback('{"fun":"yes"}')).toBeUndefined();
    expect(parseFeedback('{"at":5,"fun":"maybe","length":"right"}')).toEqual({ at: 5, length: 'right' });
  });
});
