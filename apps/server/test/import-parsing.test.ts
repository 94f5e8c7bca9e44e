import { describe, expect, it } from 'vitest';
import { CsvParser } from '../src/import/csv-reader.js';
import { compileDateFormat, parseAutoDate } from '../src/import/dates.js';
import { createDecoder } from '../src/import/encoding.js';
import { importedResponseId } from '../src/import/ids.js';
import { localTimeToInstant } from '@polku/core';

const HKI = 'Europe/Helsinki';

describe('reading CSV', () => {
  const parse = (...chunks: string[]) => {
    const p = new CsvParser();
    return [...chunks.flatMap((c) => p.feed(c)), ...p.end()];
  };

  it('reads quoted commas, doubled quotes and line breaks, and numbers records by the line they start on', () => {
    const records = parse('a,b\r\n"x, y","say ""hi""\r\nthere"\r\nlast,row');
    expect(records).toEqual([
      { fields: ['a', 'b'], line: 1 },
      { fields: ['x, y', 'say "hi"\r\nthere'], line: 2 },
      { fields: ['last', 'row'], line: 4 },
    ]);
  });

  it('gives the same records however the text is split into chunks', () => {
    const text = 'a,"b\n""c"""\r\n1,2\r\n"3",4\n';
    const whole = parse(text);
    for (let i = 1; i < text.length; i++)
      expect(parse(text.slice(0, i), text.slice(i))).toEqual(whole);
  });
});

describe('decoding', () => {
  it('maps cp1252 bytes 0x80–0x9F (€, quotes, dashes) that latin-1 leaves as control characters', () => {
    const bytes = Buffer.from([0x80, 0x20, 0x93, 0x96, 0x94, 0x20, 0xe4, 0xf6]);
    expect(createDecoder('cp1252').write(bytes)).toBe('€ “–” äö');
    expect(createDecoder('latin1').write(Buffer.from([0xc5, 0xbd]))).toBe('Å½');
  });

  it('decodes UTF-8 split inside a character, and rejects bytes that are not UTF-8', () => {
    const d = createDecoder('utf8');
    const euro = Buffer.from('€', 'utf8');
    expect(d.write(euro.subarray(0, 1)) + d.write(euro.subarray(1)) + d.end()).toBe('€');
    expect(() => createDecoder('utf8').write(Buffer.from([0x80, 0x41]))).toThrow(/not valid UTF-8/);
  });
});

describe('local times in the workspace zone', () => {
  it('reads winter and summer times with their own offsets', () => {
    const at = (month: number, day: number, hour: number, minute = 0) =>
      localTimeToInstant({ year: 2026, month, day, hour, minute, second: 0 }, HKI);
    expect(at(1, 15, 12)).toBe(Date.UTC(2026, 0, 15, 10));
    expect(at(7, 15, 12)).toBe(Date.UTC(2026, 6, 15, 9));
  });

  it('moves a time in the spring gap forward, and takes the earlier of a time that happens twice', () => {
    // 29 March 2026: 03:00 EET becomes 04:00 EEST. 25 October 2026: 04:00 EEST becomes 03:00 EET.
    expect(
      localTimeToInstant({ year: 2026, month: 3, day: 29, hour: 3, minute: 30, second: 0 }, HKI),
    ).toBe(Date.UTC(2026, 2, 29, 1, 30));
    expect(
      localTimeToInstant({ year: 2026, month: 10, day: 25, hour: 3, minute: 30, second: 0 }, HKI),
    ).toBe(Date.UTC(2026, 9, 25, 0, 30));
    expect(
      localTimeToInstant({ year: 2026, month: 10, day: 25, hour: 4, minute: 0, second: 0 }, HKI),
    ).toBe(Date.UTC(2026, 9, 25, 2, 0));
  });

  it('reads ISO times with a zone as they say, and rejects dates that do not exist', () => {
    expect(parseAutoDate('2026-11-23T09:12:58Z', null, HKI)).toEqual({
      ok: true,
      instant: Date.UTC(2026, 10, 23, 9, 12, 58),
    });
    expect(parseAutoDate('2026-11-23T09:12:58+02:00', null, HKI)).toEqual({
      ok: true,
      instant: Date.UTC(2026, 10, 23, 7, 12, 58),
    });
    expect(parseAutoDate('31.2.2026', 'DMY', HKI)).toMatchObject({ ok: false });
    expect(parseAutoDate('11/23/2026 12:05:00 AM', 'MDY', HKI)).toEqual({
      ok: true,
      instant: Date.UTC(2026, 10, 22, 22, 5),
    });
  });

  it('reads the --date-format patterns of common exports', () => {
    const fi = compileDateFormat('D.M.YYYY H.mm.ss');
    const us = compileDateFormat('M/D/YYYY h:mm:ss A');
    if ('error' in fi || 'error' in us) throw new Error('did not compile');
    expect(fi('23.11.2026 9.12.58', HKI)).toEqual({
      ok: true,
      instant: Date.UTC(2026, 10, 23, 7, 12, 58),
    });
    expect(us('11/23/2026 9:12:58 PM', HKI)).toEqual({
      ok: true,
      instant: Date.UTC(2026, 10, 23, 19, 12, 58),
    });
    expect(fi('2026-11-23', HKI)).toMatchObject({ ok: false });
    const bad = compileDateFormat('H:mm');
    expect('error' in bad && bad.error).toMatch(/needs YYYY, M and D/);
  });
});

describe('imported response ids', () => {
  it('are UUID-shaped, the same for the same source id, and differ between surveys', () => {
    const a = importedResponseId('w', 's1', { sourceId: 'R_1' });
    expect(a).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(importedResponseId('w', 's1', { sourceId: 'R_1' })).toBe(a);
    expect(importedResponseId('w', 's2', { sourceId: 'R_1' })).not.toBe(a);
    expect(importedResponseId('w', 's1', { fields: ['R_1'] })).not.toBe(a);
  });

  it('carry the time answered in front when the row has one, so they sort by it', () => {
    const at = Date.UTC(2026, 1, 14, 9);
    const early = importedResponseId('w', 's1', { sourceId: 'R_9' }, at);
    const late = importedResponseId('w', 's1', { sourceId: 'R_1' }, at + 1);
    expect(early).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(early.replace('-', '').slice(0, 12)).toBe(at.toString(16).padStart(12, '0'));
    expect(late > early).toBe(true);
    expect(importedResponseId('w', 's1', { sourceId: 'R_9' }, at)).toBe(early);
  });
});
