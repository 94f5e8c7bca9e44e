import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ResponseView } from '@polku/contracts';
import type { WorkspaceContext } from '@polku/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ImportError } from '../src/import/import-error.js';
import type { ImportOptions } from '../src/import/import-responses.js';
import { fixture, importFile, ownerOf, publishedSurvey } from './fixtures/import/surveys.js';
import { createAccount, startTestApp, type TestApp } from './support/app.js';
import { testDialects } from './support/databases.js';

const dir = mkdtempSync(join(tmpdir(), 'polku-import-'));
/** A small export written for one test. */
function tempFile(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

for (const dialect of testDialects()) {
  describe(`importing survey exports (${dialect.name})`, () => {
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
      (await t.runtime.services.responses.list(ctx, { surveyId, limit: 200 })).items;
    const byReason = (items: ResponseView[]) =>
      new Map(items.map((r) => [typeof r.answers.reason === 'string' ? r.answers.reason : '', r]));

    it('stores nothing from a file with rows it cannot import, and lists each with its line and column', async () => {
      const surveyId = await publishedSurvey(t.runtime, ctx, 'feedback');
      const summary = await run(fixture('generic.csv'), surveyId, { missing: ['-'] });
      expect(summary).toMatchObject({
        outcome: 'refused',
        rowsRead: 6,
        imported: 0,
        refused: 2,
        refusedRows: [
          { line: 5, column: 'nps', reason: 'required' },
          { line: 6, column: 'nps', reason: '"11" is not on the scale 0–10' },
        ],
      });
      expect(await responsesOf(surveyId)).toHaveLength(0);
    });

    it('reads a generic CSV: quoted commas, quotes and line breaks, CRLF, labels, parts, missing tokens; skips the refused rows when told to', async () => {
      const surveyId = await publishedSurvey(t.runtime, ctx, 'feedback');
      const summary = await run(fixture('generic.csv'), surveyId, {
        missing: ['-'],
        skipInvalid: true,
      });
      expect(summary).toMatchObject({
        outcome: 'imported',
        format: 'csv',
        encoding: 'utf8',
        delimiter: 'comma',
        rowsRead: 6,
        imported: 4,
        alreadyImported: 0,
        refused: 2,
        dates: { source: 'unambiguous' },
        dateColumn: 'submitted_at',
      });
      expect(summary.refusedRows.map((r) => r.line)).toEqual([5, 6]);
      const items = await responsesOf(surveyId);
      const first = items.find((r) => r.answers.reason === 'Hyvä palvelu, nopea toimitus')!;
      expect(first).toMatchObject({
        source: 'import',
        language: 'fi',
        submittedAt: Date.UTC(2026, 10, 23, 7, 12, 58), // 09:12:58 in Helsinki (EET)
        day: '2026-11-23',
        answers: {
          nps: 10,
          visit: 'store',
          topics: ['price', 'service'],
          goal: 'yes',
          delivery: { functional: 'like', dysfunctional: 'dislike' },
          expect: { expectation: 5, outcome: 6 },
        },
      });
      const second = items.find((r) => r.answers.nps === 7)!;
      expect(second.answers).toMatchObject({
        reason: 'Hän sanoi "kiitos"\r\nja hymyili',
        visit: 'web',
        topics: ['price', 'quality'],
        goal: 'partly',
      });
      expect(second.language).toBe('en');
      const third = items.find((r) => r.answers.nps === 3)!;
      expect(third.answers.reason).toBeUndefined(); // "-" was named missing
      expect(third.language).toBe('fi'); // written FI, as Qualtrics writes language codes
    });

    it('imports nothing new when the same file comes again, and a dry run says what the import would do and writes nothing', async () => {
      const surveyId = await publishedSurvey(t.runtime, ctx, 'feedback');
      const options = { missing: ['-'], dryRun: true };
      const dry = await run(fixture('generic.csv'), surveyId, options);
      expect(dry).toMatchObject({ dryRun: true, outcome: 'refused', imported: 0, refused: 2 });
      const drySkipping = await run(fixture('generic.csv'), surveyId, {
        ...options,
        skipInvalid: true,
      });
      expect(drySkipping).toMatchObject({ outcome: 'imported', imported: 4, refused: 2 });
      expect(await responsesOf(surveyId)).toHaveLength(0);
      await run(fixture('generic.csv'), surveyId, { missing: ['-'], skipInvalid: true });
      const again = await run(fixture('generic.csv'), surveyId, {
        missing: ['-'],
        skipInvalid: true,
      });
      expect(again).toMatchObject({ rowsRead: 6, imported: 0, alreadyImported: 4, refused: 2 });
      expect(await responsesOf(surveyId)).toHaveLength(4);
    });

    it('reads a current Qualtrics export (three header rows): ids, languages, unfinished responses, times across DST', async () => {
      const surveyId = await publishedSurvey(t.runtime, ctx, 'nps');
      const summary = await run(fixture('qualtrics-3row.csv'), surveyId);
      expect(summary.refusedRows).toEqual([]);
      expect(summary).toMatchObject({ format: 'qualtrics', rowsRead: 3, imported: 3, refused: 0 });
      expect(summary.dateColumn).toBe('RecordedDate');
      expect(summary.columns).toEqual([
        { header: 'Q1', question: 'nps' },
        { header: 'Q2', question: 'reason' },
      ]);
      const items = byReason(await responsesOf(surveyId));
      expect(items.get('Fast, friendly service')).toMatchObject({
        language: 'en',
        status: 'complete',
        answers: { nps: 10 },
        submittedAt: Date.UTC(2026, 10, 23, 7, 12, 58),
      });
      expect(items.get('Kesken jäi')).toMatchObject({ status: 'partial', language: 'fi' });
      // 03:30 on 29 March 2026 does not exist in Helsinki (clocks jump 03:00 → 04:00): 04:30 EEST.
      expect(items.get('Jonotus kesti "liian" kauan')).toMatchObject({
        language: 'sv',
        submittedAt: Date.UTC(2026, 2, 29, 1, 30),
        day: '2026-03-29',
      });
      const again = await run(fixture('qualtrics-3row.csv'), surveyId);
      expect(again).toMatchObject({ imported: 0, alreadyImported: 3 });
    });

    it('reads a legacy Qualtrics export (two header rows, trailing commas) by Finnish question texts', async () => {
      const surveyId = await publishedSurvey(t.runtime, ctx, 'nps');
      const summary = await run(fixture('qualtrics-legacy.csv'), surveyId, { skipInvalid: true });
      expect(summary).toMatchObject({ format: 'qualtrics', rowsRead: 3, imported: 2, refused: 1 });
      expect(summary.refusedRows).toEqual([{ line: 4, column: 'Q1', reason: 'required' }]);
      const items = byReason(await responsesOf(surveyId));
      expect(items.get('Huono,\ntodella huono')?.answers.nps).toBe(0);
      expect(items.get('Hyvä')?.submittedAt).toBe(Date.UTC(2016, 4, 2, 5, 5)); // EEST
    });

    it('reads a SurveyMonkey export: question and answer header rows, one column per choice, US dates proved by the data', async () => {
      const surveyId = await publishedSurvey(t.runtime, ctx, 'feedback');
      const summary = await run(fixture('surveymonkey.csv'), surveyId);
      expect(summary).toMatchObject({
        format: 'surveymonkey',
        rowsRead: 2,
        imported: 2,
        dates: { order: 'MDY', source: 'data' },
      });
      expect(summary.dates.explanation).toContain('line 3');
      expect(summary.ignoredColumns).toContain('What did you like? / Other (please specify)');
      const items = byReason(await responsesOf(surveyId));
      expect(items.get('Great service')?.answers).toMatchObject({
        nps: 9,
        topics: ['price', 'quality'],
      });
      expect(items.get('Slow, "very" slow')).toMatchObject({
        answers: { nps: 6, topics: ['service'] },
        submittedAt: Date.UTC(2026, 10, 5, 11, 2), // 1:02 PM in Helsinki
      });
    });

    it('reads a Finnish Google Forms export with dotted times; the day comes first, as a date in the file proves', async () => {
      const surveyId = await publishedSurvey(t.runtime, ctx, 'nps');
      const summary = await run(fixture('google-forms-fi.csv'), surveyId, { skipInvalid: true });
      expect(summary).toMatchObject({
        format: 'google-forms',
        imported: 2,
        refused: 1,
        dates: { order: 'DMY', source: 'data' },
      });
      const items = await responsesOf(surveyId);
      expect(items.find((r) => r.answers.nps === 10)?.submittedAt).toBe(
        Date.UTC(2026, 3, 3, 7, 0), // 3 April, 10.00 EEST
      );
    });

    it('takes dotted dates as day first when nothing in the file decides, and says so', async () => {
      const surveyId = await publishedSurvey(t.runtime, ctx, 'nps');
      const file = tempFile(
        'forms-dotted.csv',
        'Aikaleima,Kuinka todennäköisesti suosittelisit meitä ystävällesi tai kollegallesi?\n3.4.2026 10.00.00,8\n',
      );
      const summary = await run(file, surveyId);
      expect(summary.dates).toMatchObject({ order: 'DMY', source: 'locale' });
      expect(summary.dates.explanation).toMatch(/dotted dates/);
    });

    it('refuses slashed dates that could be either order, and reads them with --date-format', async () => {
      const surveyId = await publishedSurvey(t.runtime, ctx, 'nps');
      const file = tempFile(
        'ambiguous.csv',
        'timestamp,nps\n03/04/2026 10:00:00,8\n05/06/2026 11:00:00,9\n',
      );
      await expect(run(file, surveyId)).rejects.toThrow(
        /"03\/04\/2026 10:00:00" \(line 2\) could be day\/month or month\/day.*--date-format/,
      );
      expect(await responsesOf(surveyId)).toHaveLength(0);
      const summary = await run(file, surveyId, { dateFormat: 'D/M/YYYY H:mm:ss' });
      expect(summary).toMatchObject({ imported: 2, dates: { source: 'option' } });
      const items = await responsesOf(surveyId);
      expect(items.find((r) => r.answers.nps === 8)?.day).toBe('2026-04-03');
    });

    it('refuses a file whose dates contradict each other', async () => {
      const surveyId = await publishedSurvey(t.runtime, ctx, 'nps');
      const file = tempFile('contradicting.csv', 'date,nps\n13/04/2026,8\n04/13/2026,9\n');
      await expect(run(file, surveyId)).rejects.toThrow(/dates disagree/);
    });

    it('decodes cp1252 (€, “quotes”), latin-1 and UTF-8 with a byte-order mark', async () => {
      const surveyId = await publishedSurvey(t.runtime, ctx, 'nps');
      const date = '2026-05-01';
      const cp = await run(fixture('cp1252.csv'), surveyId, { date });
      expect(cp).toMatchObject({ encoding: 'cp1252', imported: 2 });
      const latin = await run(fixture('latin1.csv'), surveyId, { encoding: 'latin1', date });
      expect(latin).toMatchObject({ encoding: 'latin1', imported: 1 });
      const bom = await run(fixture('utf8-bom.csv'), surveyId, { date });
      expect(bom).toMatchObject({
        encoding: 'utf8',
        imported: 1,
        columns: [{ header: 'nps' }, { header: 'reason' }],
      });
      const reasons = (await responsesOf(surveyId)).map((r) => r.answers.reason).sort();
      expect(reasons).toEqual(
        [
          'Hinta 5 € oli hyvä – mutta jonotus kesti pitkään, ärsyttävää',
          'Löysin “hyvän” tuotteen',
          'Åbo ½ päivä',
          'Ääni oli €-merkki',
        ].sort(),
      );
      await expect(
        run(fixture('cp1252.csv'), surveyId, { encoding: 'utf8', date }),
      ).rejects.toThrow(/not valid UTF-8/);
    });

    it('maps columns named otherwise with --map, and refuses a file with no recognisable column', async () => {
      const surveyId = await publishedSurvey(t.runtime, ctx, 'nps');
      const file = tempFile('mapped.csv', 'Score,Why,When\n9,Good,2026-05-01\n');
      await expect(run(file, surveyId)).rejects.toThrow(/No column matches a question/);
      const summary = await run(file, surveyId, {
        maps: new Map([
          ['Score', 'nps'],
          ['Why', 'reason'],
        ]),
        dateColumn: 'When',
      });
      expect(summary).toMatchObject({ imported: 1, dateColumn: 'When', ignoredColumns: [] });
      await expect(
        run(file, surveyId, { maps: new Map([['Score', 'nope']]), dateColumn: 'When' }),
      ).rejects.toThrow(/no question "nope"/);
    });

    it('reads a column mapped to @key as a customer attribute that metrics break down by', async () => {
      const surveyId = await publishedSurvey(t.runtime, ctx, 'nps');
      const file = tempFile('tiers.csv', 'nps,Tier\n10,gold\n3,basic\n9,gold\n8,\n');
      const date = '2026-05-01';
      const summary = await run(file, surveyId, { maps: new Map([['Tier', '@tier']]), date });
      expect(summary).toMatchObject({ imported: 4 });
      expect(summary.columns).toContainEqual({ header: 'Tier', question: '@tier' });
      const result = await t.runtime.services.metrics.query(ctx, {
        metric: { kind: 'nps', surveyId, question: 'nps' },
        by: 'all',
        breakdown: { by: 'attribute', key: 'tier' },
      });
      expect(result.groups.map((g) => [g.key, g.total.n, g.total.score])).toEqual([
        ['basic', 1, -100],
        ['gold', 2, 100],
        [null, 1, 0], // the empty cell: no attribute
      ]);
      await expect(
        run(file, surveyId, { maps: new Map([['Tier', '@Not-A-Key']]), date }),
      ).rejects.toThrow(/attribute key/);
    });

    it('reads the test column of a Polku export: yes marks a test response, out of the figures; an unclear cell is refused', async () => {
      const surveyId = await publishedSurvey(t.runtime, ctx, 'nps');
      const date = '2026-05-02';
      const unclear = tempFile('unclear-test.csv', 'nps,test\n10,no\n0,maybe\n');
      const refused = await run(unclear, surveyId, { date });
      expect(refused).toMatchObject({
        outcome: 'refused',
        imported: 0,
        refusedRows: [
          {
            line: 3,
            column: 'test',
            reason: '"maybe" is neither yes nor no (yes/no, 1/0, true/false, kyllä/ei, ja/nej)',
          },
        ],
      });
      expect(await responsesOf(surveyId)).toHaveLength(0);

      const file = tempFile('tests.csv', 'nps,test\n10,no\n9,\n0,yes\n1,Kyllä\n');
      expect(await run(file, surveyId, { date })).toMatchObject({ imported: 4 });
      const stored = await responsesOf(surveyId);
      expect(stored.map((r) => [r.answers.nps, r.test]).sort()).toEqual([
        [0, true],
        [1, true],
        [10, false],
        [9, false],
      ]);
      // Only the two real promoters count: NPS +100 over n = 2.
      const result = await t.runtime.services.metrics.query(ctx, {
        metric: { kind: 'nps', surveyId, question: 'nps' },
        by: 'all',
      });
      expect([result.groups[0]?.total.n, result.groups[0]?.total.score]).toEqual([2, 100]);
    });

    it('refuses a survey that is not published', async () => {
      const draft = await t.runtime.services.surveys.create(ctx, {
        name: 'draft',
        purpose: 'transactional',
        touchpointId: null,
        template: 'nps',
        languages: ['fi'],
        defaultLanguage: 'fi',
      });
      await expect(run(fixture('generic.csv'), draft.id)).rejects.toThrow(ImportError);
    });

    it('lists refused rows past a batch boundary by their own lines, and skips them when told to', async () => {
      const surveyId = await publishedSurvey(t.runtime, ctx, 'nps');
      const rows = Array.from({ length: 25 }, (_, i) => `${i},${i % 7 === 3 ? 12 : i % 11},x${i}`);
      const file = tempFile('batches.csv', `id,nps,reason\n${rows.join('\n')}\n`);
      const options = { batchSize: 4, date: '2026-05-01' };
      const strict = await run(file, surveyId, options);
      expect(strict).toMatchObject({ outcome: 'refused', rowsRead: 25, imported: 0, refused: 4 });
      expect(strict.refusedRows.map((r) => r.line)).toEqual([5, 12, 19, 26]);
      expect(await responsesOf(surveyId)).toHaveLength(0);
      const summary = await run(file, surveyId, { ...options, skipInvalid: true });
      expect(summary).toMatchObject({ rowsRead: 25, imported: 21, refused: 4 });
      expect(summary.refusedRows.map((r) => r.line)).toEqual([5, 12, 19, 26]);
      expect(await responsesOf(surveyId)).toHaveLength(21);
    });
  });
}
