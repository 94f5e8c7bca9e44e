import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CsvParser, detectDelimiter, UnclosedQuoteError } from '../src/import/csv-reader.js';
import { createDecoder, sniffEncoding } from '../src/import/encoding.js';
import { parseDecimal, parseScaleCell } from '../src/import/numbers.js';
import {
  parseValuesArgument,
  readValuesFile,
  ValueMapError,
  type ValueMaps,
} from '../src/import/value-maps.js';

describe('the CSV reader', () => {
  const parse = (text: string, delimiter: ',' | ';' | '\t' = ',') => {
    const p = new CsvParser(delimiter);
    return [...p.feed(text), ...p.end()];
  };

  it('refuses a quote that never closes, naming the line the quoted field began on', () => {
    const text = 'a,b\n1,"fine"\n2,"never\nclosed\n3,x\n';
    expect(() => parse(text)).toThrow(UnclosedQuoteError);
    expect(() => parse(text)).toThrow(/begins on line 3 is never closed/);
    // A quote as the very last character closes its field.
    expect(parse('a,b\n1,"last"')).toEqual([
      { fields: ['a', 'b'], line: 1 },
      { fields: ['1', 'last'], line: 2 },
    ]);
  });

  it('splits records at semicolons or tabs when told to, and keeps commas in their fields', () => {
    expect(parse('nps;reason\r\n9;Hyvä, nopea\r\n"8";"a;b"\r\n', ';')).toEqual([
      { fields: ['nps', 'reason'], line: 1 },
      { fields: ['9', 'Hyvä, nopea'], line: 2 },
      { fields: ['8', 'a;b'], line: 3 },
    ]);
    expect(parse('a\tb,c\n', '\t')).toEqual([{ fields: ['a', 'b,c'], line: 1 }]);
  });

  it('detects the delimiter the header and the next records agree on, ignoring quoted ones', () => {
    expect(detectDelimiter('nps;reason\n9;Hyvä, nopea\n')).toBe(';');
    expect(detectDelimiter('id,nps,reason\n1,9,"a;b;c"\n')).toBe(',');
    expect(detectDelimiter('id\tnps\treason\r\n1\t9\tok, fine\r\n')).toBe('\t');
    expect(detectDelimiter('"Q1, text";Q2\n1;2\n')).toBe(';');
    expect(detectDelimiter('nps\n9\n')).toBe(',');
    // Two commas and one semicolon in the header, but only the semicolon in every row.
    expect(detectDelimiter('a,b;c,d\n1;2\n3;4\n')).toBe(';');
  });
});

describe('encodings', () => {
  it('recognises UTF-8 and UTF-16 by their byte-order marks, and UTF-16 without one by its zero bytes', () => {
    const le = Buffer.from('id\tnps\r\n1\t9\r\n', 'utf16le');
    const be = Buffer.from(le).swap16();
    expect(sniffEncoding(Buffer.from([0xef, 0xbb, 0xbf, 0x61]))).toBe('utf8');
    expect(sniffEncoding(Buffer.concat([Buffer.from([0xff, 0xfe]), le]))).toBe('utf16le');
    expect(sniffEncoding(Buffer.concat([Buffer.from([0xfe, 0xff]), be]))).toBe('utf16be');
    expect(sniffEncoding(le)).toBe('utf16le');
    expect(sniffEncoding(be)).toBe('utf16be');
    // A stray NUL in a UTF-8 file is not UTF-16: the import refuses that cell instead.
    expect(sniffEncoding(Buffer.from('id,nps,reason\n1,9,bad\0byte\n'))).toBeNull();
    expect(sniffEncoding(Buffer.from('Åbo ääni', 'latin1'))).toBeNull();
  });

  it('decodes UTF-16 in either byte order, also split inside a character, and drops the mark', () => {
    const text = 'Åbo € 😀';
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    const d = createDecoder('utf16le');
    expect(d.write(le.subarray(0, 5)) + d.write(le.subarray(5)) + d.end()).toBe(text);
    const be = Buffer.from(text, 'utf16le').swap16();
    expect(createDecoder('utf16be').write(be)).toBe(text);
  });
});

describe('reading numbers exactly', () => {
  it('reads a decimal comma or point, and spaces between thousands, as Finnish, Swedish and English files write them', () => {
    expect(parseDecimal('59,90', 'auto')).toEqual({ ok: true, value: 59.9, decimals: 2 });
    expect(parseDecimal('1.5', 'auto')).toEqual({ ok: true, value: 1.5, decimals: 1 });
    expect(parseDecimal('1 234,50', 'auto')).toEqual({ ok: true, value: 1234.5, decimals: 2 });
    expect(parseDecimal('1\u00a0234', 'comma')).toEqual({ ok: true, value: 1234, decimals: 0 });
    expect(parseDecimal('\u22123', 'auto')).toEqual({ ok: true, value: -3, decimals: 0 });
    expect(parseDecimal(' +7 ', 'point')).toEqual({ ok: true, value: 7, decimals: 0 });
    expect(parseDecimal('', 'auto')).toBeNull();
  });

  it('never guesses a thousands separator, and keeps to the decimal mark it is told', () => {
    expect(parseDecimal('1,234.50', 'auto')).toMatchObject({ ok: false });
    expect(parseDecimal('1.234,50', 'auto')).toMatchObject({ ok: false });
    expect(parseDecimal('1,234', 'auto')).toEqual({ ok: true, value: 1.234, decimals: 3 });
    expect(parseDecimal('9.5', 'comma')).toEqual({
      ok: false,
      reason: '"9.5" has a point where the decimal mark is a comma',
    });
    expect(parseDecimal('9,5', 'point')).toMatchObject({ ok: false });
    expect(parseDecimal('1 2', 'auto')).toEqual({ ok: false, reason: '"1 2" is not a number' });
    expect(parseDecimal('lots', 'auto')).toEqual({ ok: false, reason: '"lots" is not a number' });
  });

  it('reads a score as a whole number on its scale, written plainly or with its label; refuses the rest, never rounding', () => {
    const read = (cell: string) => parseScaleCell(cell, 'auto', [0, 10]);
    for (const [cell, value] of [
      ['9', 9],
      ['9.0', 9],
      ['9,0', 9],
      ['0', 0],
      ['10 - Extremely likely', 10],
      ['0 = Not at all likely', 0],
      ['5 Erittäin tyytyväinen', 5],
    ] as const)
      expect(read(cell), cell).toEqual({ ok: true, value, decimals: 0 });
    expect(read('8.9')).toEqual({
      ok: false,
      reason: '"8.9" is not a whole number (the scale is 0–10)',
    });
    for (const cell of ['9,99', '10.4', '5.5', '8.5 - fairly likely']) {
      const reading = read(cell);
      expect(reading.ok, cell).toBe(false);
      expect(!reading.ok && reading.reason, cell).toMatch(/is not a whole number/);
    }
    expect(read('11')).toEqual({ ok: false, reason: '"11" is not on the scale 0–10' });
    expect(read('-1')).toMatchObject({ ok: false });
    expect(read('10x')).toEqual({ ok: false, reason: '"10x" is not a number (the scale is 0–10)' });
  });
});

describe('value maps', () => {
  it('reads COLUMN=LABEL=VALUE pairs; quotes hold commas, equals signs and spaces; an empty value means not answered', () => {
    expect(parseValuesArgument('Q1=Horrendous=1,Meh=2,Yum!=4')).toEqual({
      column: 'Q1',
      pairs: [
        ['Horrendous', '1'],
        ['Meh', '2'],
        ['Yum!', '4'],
      ],
    });
    expect(
      parseValuesArgument('"Rate = score"="Good, really"=4, "Say ""hi"""=1,"En osaa sanoa"='),
    ).toEqual({
      column: 'Rate = score',
      pairs: [
        ['Good, really', '4'],
        ['Say "hi"', '1'],
        ['En osaa sanoa', ''],
      ],
    });
  });

  it('refuses what it cannot read unambiguously', () => {
    for (const bad of ['Q1', 'Q1=', 'Q1=a', 'Q1=a=1=2', 'Q1=a=1,b', 'Q1="open=1', '=a=1', 'Q1==1'])
      expect(() => parseValuesArgument(bad), bad).toThrow(ValueMapError);
  });

  it('reads a mapping file as JSON or as CSV (column, label, value), and refuses a label given twice', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'polku-values-'));
    const json = join(dir, 'map.json');
    writeFileSync(json, JSON.stringify({ Q1: { Horrendous: 1, 'Yum!': '4' } }));
    const csv = join(dir, 'map.csv');
    writeFileSync(csv, 'column;label;value\nQ3;1;store\nQ3;"2";web\n');
    const maps: ValueMaps = new Map();
    await readValuesFile(json, maps);
    await readValuesFile(csv, maps);
    expect(maps.get('Q1')?.labels).toEqual(['Horrendous', 'Yum!']);
    expect([...maps.get('Q1')!.byLabel]).toEqual([
      ['horrendous', '1'],
      ['yum!', '4'],
    ]);
    expect([...maps.get('Q3')!.byLabel]).toEqual([
      ['1', 'store'],
      ['2', 'web'],
    ]);
    const twice = join(dir, 'twice.csv');
    writeFileSync(twice, 'column,label,value\nQ1,Meh,2\nQ1,MEH,3\n');
    await expect(readValuesFile(twice, new Map())).rejects.toThrow(/"MEH" is given twice/);
    const header = join(dir, 'header.csv');
    writeFileSync(header, 'a,b\n1,2\n');
    await expect(readValuesFile(header, new Map())).rejects.toThrow(/column, label, value/);
  });
});
