import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ResponseView } from '@polku/contracts';
import type { WorkspaceContext } from '@polku/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ImportError } from '../src/import/import-error.js';
import type { ImportOptions } from '../src/import/import-responses.js';
import { importFile, ownerOf, publishedSurvey } from './fixtures/import/surveys.js';
import { createAccount, startTestApp, type TestApp } from './support/app.js';
import { testDialects } from './support/databases.js';
import { refuseInserts, refuseResponsesPast } from './support/triggers.js';

const dir = mkdtempSync(join(tmpdir(), 'polku-import-refusals-'));
let written = 0;
/** A file written for one test, as text (UTF-8) or as the bytes given. */
function tempFile(content: string | Buffer): string {
  const path = join(dir, `file-${++written}.csv`);
  writeFileSync(path, content);
  return path;
}

for (const dialect of testDialects()) {
  describe(`imports store every value exactly or refuse it (${dialect.name})`, () => {
    let t: TestApp;
    let ctx: WorkspaceContext;

    beforeAll(async () => {
      t = await startTestApp(dialect);
      const owner = await createAccount(t);
      ctx = await ownerOf(t.runtime, owner.workspaceId, owner.userId);
    });
    afterAll(() => t.close());

    const run = (file: string, surveyId: string, options: Partial<ImportOptions> = {}) =>
      importFile(t.runtime, ctx.workspace.id, file, surveyId, options);
    const responsesOf = async (surveyId: string): Promise<ResponseView[]> =>
      (await t.runtime.services.responses.list(ctx, { surveyId, limit: 500 })).items;

    it('refuses scores that are not whole numbers on the scale (8.9, 9,99, 10.4, 5.5) by line and column, never truncating them', async () => {
      const surveyId = await publishedSurvey(t.runtime, ctx, 'nps');
      const file = tempFile(
        [
          'date,nps,reason',
          '2026-05-01,8.9,a',
          '2026-05-01,"9,99",b',
          '2026-05-01,10.4,c',
          '2026-05-01,5.5,d',
          '2026-05-01,9.0,e',
          '2026-05-01,"7,0",f',
          '2026-05-01,10 - Extremely likely,g',
          '',
        ].join('\n'),
      );
      const summary = await run(file, surveyId);
      expect(summary).toMatchObject({ outcome: 'refused', imported: 0, refused: 4 });
      expect(summary.refusedRows).toEqual([
        { line: 2, column: 'nps', reason: '"8.9" is not a whole number (the scale is 0–10)' },
        { line: 3, column: 'nps', reason: '"9,99" is not a whole number (the scale is 0–10)' },
        { line: 4, column: 'nps', reason: '"10.4" is not a whole number (the scale is 0–10)' },
        { line: 5, column: 'nps', reason: '"5.5" is not a whole number (the scale is 0–10)' },
      ]);
      expect(await responsesOf(surveyId)).toHaveLength(0);

      // The others are whole numbers as written: 9.0 is 9, and a label may follow the score.
      await run(file, surveyId, { skipInvalid: true });
      const scores = (await responsesOf(surveyId)).map((r) => [r.answers.reason, r.answers.nps]);
      expect(scores.sort()).toEqual([
        ['e', 9],
        ['f', 7],
        ['g', 10],
      ]);
    });

    it('reads the semicolon-separated CSV Excel writes in Finnish (Windows-1252, decimal comma)', async () => {
      const surveyId = await publishedSurvey(t.runtime, ctx, 'nps');
      const excel = [
        'Päivämäärä;nps;reason',
        '23.11.2026 9.12;9;Hyvä, nopea palvelu',
        '24.11.2026 10.00;10,0;Kiitos – erinomaista',
        '',
      ].join('\r\n');
      // Windows-1252: latin-1 for ä, and 0x96 for the dash.
      const bytes = Buffer.from(excel.replace('–', '\x96'), 'latin1');
      const summary = await run(tempFile(bytes), surveyId);
      expect(summary).toMatchObject({
        outcome: 'imported',
        encoding: 'cp1252',
        delimiter: 'semicolon',
        imported: 2,
        dateColumn: 'Päivämäärä',
        dates: { order: 'DMY' },
      });
      const reasons = (await responsesOf(surveyId)).map((r) => r.answers.reason).sort();
      expect(reasons).toEqual(['Hyvä, nopea palvelu', 'Kiitos – erinomaista']);
    });

    it('reads UTF-16 "Unicode text" (tab-separated) with a byte-order mark, and UTF-16 without one in either byte order', async () => {
      const surveyId = await publishedSurvey(t.runtime, ctx, 'nps');
      const text = (reason: string) =>
        `submitted_at\tnps\treason\r\n2026-05-02 10:00\t8\t${reason}\r\n`;
      const withMark = await run(
        tempFile(
          Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text('Åbo ääni'), 'utf16le')]),
        ),
        surveyId,
      );
      expect(withMark).toMatchObject({ encoding: 'utf16le', delimiter: 'tab', imported: 1 });
      const le = await run(tempFile(Buffer.from(text('ilman merkkiä'), 'utf16le')), surveyId);
      expect(le).toMatchObject({ encoding: 'utf16le', imported: 1 });
      const be = await run(tempFile(utf16be(text('big endian €'))), surveyId);
      expect(be).toMatchObject({ encoding: 'utf16be', imported: 1 });
      const reasons = (await responsesOf(surveyId)).map((r) => r.answers.reason).sort();
      expect(reasons).toEqual(['big endian €', 'ilman merkkiä', 'Åbo ääni']);
    });

    it('names the encoding and the delimiter it read when no column matches, and reads the file as told', async () => {
      const surveyId = await publishedSurvey(t.runtime, ctx, 'nps');
      const file = tempFile('date;nps;reason\n2026-05-03;7;ok\n');
      await expect(run(file, surveyId, { delimiter: 'comma' })).rejects.toThrow(
        /No column matches a question.*read as UTF-8, fields separated by commas, which gave the columns: date;nps;reason/,
      );
      const summary = await run(file, surveyId, { delimiter: 'semicolon', decimal: 'comma' });
      expect(summary).toMatchObject({ delimiter: 'semicolon', decimal: 'comma', imported: 1 });
      // With the decimal mark a comma, a point is not read as one.
      const points = tempFile('date;nps\n2026-05-03;7.0\n');
      const refused = await run(points, surveyId, { decimal: 'comma' });
      expect(refused.refusedRows).toEqual([
        {
          line: 2,
          column: 'nps',
          reason: '"7.0" has a point where the decimal mark is a comma (the scale is 0–10)',
        },
      ]);
    });

    it('refuses a quote that never closes, naming the line it began on, and stores nothing', async () => {
      const surveyId = await publishedSurvey(t.runtime, ctx, 'nps');
      const file = tempFile(
        'date,nps,reason\n2026-05-01,9,fine\n2026-05-01,8,"never closed\n2026-05-01,7,gone\n',
      );
      const refusal = run(file, surveyId);
      await expect(refusal).rejects.toThrow(ImportError);
      await expect(refusal).rejects.toThrow(/quoted field that begins on line 3 is never closed/);
      expect(await responsesOf(surveyId)).toHaveLength(0);
    });

    it('refuses a NUL byte in a cell by its line and column, and stores the other rows when told to', async () => {
      const surveyId = await publishedSurvey(t.runtime, ctx, 'nps');
      const rows = Array.from({ length: 12 }, (_, i) =>
        i === 9 ? `2026-05-01,5,bad\0byte` : `2026-05-01,${i % 11},row ${i}`,
      );
      const file = tempFile(`date,nps,reason\n${rows.join('\n')}\n`);
      const strict = await run(file, surveyId, { batchSize: 4 });
      expect(strict).toMatchObject({
        outcome: 'refused',
        imported: 0,
        refused: 1,
        refusedRows: [
          { line: 11, column: 'reason', reason: 'holds a NUL byte (0x00), which is not text' },
        ],
      });
      expect(await responsesOf(surveyId)).toHaveLength(0);
      const skipping = await run(file, surveyId, { batchSize: 4, skipInvalid: true });
      expect(skipping).toMatchObject({ outcome: 'imported', imported: 11, refused: 1 });
      expect(await responsesOf(surveyId)).toHaveLength(11);
    });

    it('lists a row the database itself refuses, found while checking, and stores nothing', async () => {
      const surveyId = await publishedSurvey(t.runtime, ctx, 'nps');
      const allow = await refuseInserts(
        t.runtime.database,
        'polku_test_no_poison',
        'answers',
        `NEW.value_text = 'poison'`,
        'no poison here',
      );
      try {
        const rows = ['fine', 'also fine', 'poison', 'fine again'].map(
          (reason, i) => `2026-05-01,${i + 5},${reason}`,
        );
        const summary = await run(tempFile(`date,nps,reason\n${rows.join('\n')}\n`), surveyId);
        expect(summary).toMatchObject({ outcome: 'refused', imported: 0, refused: 1 });
        expect(summary.refusedRows).toHaveLength(1);
        expect(summary.refusedRows[0]).toMatchObject({ line: 4 });
        expect(summary.refusedRows[0]!.reason).toMatch(
          /^the database refused the row: .*no poison here/,
        );
        expect(await responsesOf(surveyId)).toHaveLength(0);
      } finally {
        await allow();
      }
    });

    it('when the database fails part-way through a long file, says before which line every row is stored, and a second run adds the rest', async () => {
      const surveyId = await publishedSurvey(t.runtime, ctx, 'nps');
      // A quota of 8 responses: the checking pass never has more than a batch (4) at once.
      const allow = await refuseResponsesPast(t.runtime.database, 'polku_test_quota', surveyId, 8);
      const rows = Array.from({ length: 10 }, (_, i) => `r${i},2026-05-01,${i},row ${i}`);
      const file = tempFile(`id,date,nps,reason\n${rows.join('\n')}\n`);
      try {
        const summary = await run(file, surveyId, { batchSize: 4 });
        expect(summary).toMatchObject({
          outcome: 'interrupted',
          rowsRead: 10,
          imported: 8,
          refused: 0,
          interrupted: { beforeLine: 10 },
        });
        expect(summary.interrupted!.reason).toMatch(/quota of 8 responses reached/);
        const stored = (await responsesOf(surveyId)).map((r) => r.answers.reason).sort();
        expect(stored).toEqual(Array.from({ length: 8 }, (_, i) => `row ${i}`).sort());
      } finally {
        await allow();
      }
      const again = await run(file, surveyId, { batchSize: 4 });
      expect(again).toMatchObject({ outcome: 'imported', imported: 2, alreadyImported: 8 });
      expect(await responsesOf(surveyId)).toHaveLength(10);
    });

    it('stores a file of up to one batch in one transaction: a database failure in it stores nothing', async () => {
      const surveyId = await publishedSurvey(t.runtime, ctx, 'nps');
      const allow = await refuseResponsesPast(
        t.runtime.database,
        'polku_test_small_quota',
        surveyId,
        3,
      );
      try {
        const rows = Array.from({ length: 5 }, (_, i) => `2026-05-01,${i},row ${i}`);
        const summary = await run(tempFile(`date,nps,reason\n${rows.join('\n')}\n`), surveyId);
        expect(summary).toMatchObject({ outcome: 'interrupted', imported: 0 });
        expect(summary.interrupted).toMatchObject({ beforeLine: 2 });
        expect(await responsesOf(surveyId)).toHaveLength(0);
      } finally {
        await allow();
      }
    });

    it('refuses a file without dates unless a date or the date column is given, and an undated row in a dated file', async () => {
      const surveyId = await publishedSurvey(t.runtime, ctx, 'nps');
      const undated = tempFile('nps,reason,Vastauspäivä\n9,hyvä,1.4.2026\n7,ok,2.4.2026\n');
      const refusal = run(undated, surveyId);
      await expect(refusal).rejects.toThrow(/no date column/);
      await expect(refusal).rejects.toMatchObject({
        code: 'IMPORT_NO_DATES',
        details: { headers: ['nps', 'reason', 'Vastauspäivä'] },
      });
      const byColumn = await run(undated, surveyId, { dateColumn: 'Vastauspäivä' });
      expect(byColumn).toMatchObject({
        imported: 2,
        dateColumn: 'Vastauspäivä',
        ignoredColumns: [],
      });
      expect((await responsesOf(surveyId)).map((r) => r.day).sort()).toEqual([
        '2026-04-01',
        '2026-04-02',
      ]);

      const gaps = tempFile('date,nps\n2026-05-04,9\n,8\n');
      const gap = await run(gaps, surveyId);
      expect(gap.refusedRows).toEqual([
        {
          line: 3,
          column: 'date',
          reason: 'no date: every response needs one (give --date for rows without one)',
        },
      ]);
      const filled = await run(gaps, surveyId, { date: '2026-05-01' });
      expect(filled).toMatchObject({ imported: 2 });
      const days = (await responsesOf(surveyId)).map((r) => r.day).sort();
      expect(days).toEqual(['2026-04-01', '2026-04-02', '2026-05-01', '2026-05-04']);
      await expect(run(gaps, surveyId, { date: '1.5.2026' })).rejects.toThrow(
        /--date 1.5.2026: write YYYY-MM-DD/,
      );
    });
  });
}

/** UTF-16 big-endian bytes of a text, without a byte-order mark. */
function utf16be(text: string): Buffer {
  const bytes = Buffer.from(text, 'utf16le');
  for (let i = 0; i < bytes.length; i += 2) [bytes[i], bytes[i + 1]] = [bytes[i + 1]!, bytes[i]!];
  return bytes;
}
