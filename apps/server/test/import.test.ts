import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ResponseView } from '@polku/contracts';
import type { WorkspaceContext } from '@polku/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ImportError,
  importResponses,
  type ImportOptions,
} from '../src/import/import-responses.js';
import { fixture, ownerOf, publishedSurvey } from './fixtures/import/surveys.js';
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
      importResponses(
        { store: t.runtime.store, responses: t.runtime.services.responses },
        {
          file,
          workspaceId: ctx.workspace.id,
          surveyId,
          format: 'auto',
          maps: new Map(),
          encoding: 'auto',
          missing: [],
          dryRun: false,
          ...options,
        },
      );
    const responsesOf = async (surveyId: string): Promise<ResponseView[]> =>
      (await t.runtime.services.responses.list(ctx, { surveyId, limit: 200 })).items;
    const byReason = (items: ResponseView[]) =>
      new Map(items.map((r) => [typeof r.answers.reason === 'string' ? r.answers.reason : '', r]));

    it('reads a generic CSV: quoted commas, quotes and line breaks, CRLF, labels, parts, missing tokens; skips invalid rows by line', async () => {
      const surveyId = await publishedSurvey(t.runtime, ctx, 'feedback');
      const summary = await run(fixture('generic.csv'), surveyId, { missing: ['-'] });
      expect(summary).toMatchObject({
        format: 'csv',
        encoding: 'utf8',
        rowsRead: 6,
        imported: 4,
        alreadyImported: 0,
        skipped: 2,
        dates: { source: 'unambiguous' },
      });
      expect(summary.skippedRows).toEqual([
        { line: 5, reason: 'nps: required' },
        { line: 6, reason: 'nps: must be from 0 to 10, got 11' },
      ]);
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
      expect(third.language).toBe('fi'); // sv is not offered by the survey: its default
    });

    it('imports nothing new when the same file comes again, and a dry run writes nothing', async () => {
      const surveyId = await publishedSurvey(t.runtime, ctx, 'feedback');
      const dry = await run(fixture('generic.csv'), surveyId, { missing: ['-'], dryRun: true });
      expect(dry).toMatchObject({ dryRun: true, imported: 4, skipped: 2 });
      expect(await responsesOf(surveyId)).toHaveLength(0);
      await run(fixture('generic.csv'), surveyId, { missing: ['-'] });
      const again = await run(fixture('generic.csv'), surveyId, { missing: ['-'] });
      expect(again).toMatchObject({ rowsRead: 6, imported: 0, alreadyImported: 4, skipped: 2 });
      expect(await responsesOf(surveyId)).toHaveLength(4);
    });

    it('reads a current Qualtrics export (three header rows): ids, languages, unfinished responses, times across DST', async () => {
      const surveyId = await publishedSurvey(t.runtime, ctx, 'nps');
      const summary = await run(fixture('qualtrics-3row.csv'), surveyId);
      expect(summary.skippedRows).toEqual([]);
      expect(summary).toMatchObject({ format: 'qualtrics', rowsRead: 3, imported: 3, skipped: 0 });
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
      const summary = await run(fixture('qualtrics-legacy.csv'), surveyId);
      expect(summary).toMatchObject({ format: 'qualtrics', rowsRead: 3, imported: 2, skipped: 1 });
      expect(summary.skippedRows).toEqual([{ line: 4, reason: 'nps: required' }]);
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
      const summary = await run(fixture('google-forms-fi.csv'), surveyId);
      expect(summary).toMatchObject({
        format: 'google-forms',
        imported: 2,
        skipped: 1,
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
      const cp = await run(fixture('cp1252.csv'), surveyId);
      expect(cp).toMatchObject({ encoding: 'cp1252', imported: 2 });
      const latin = await run(fixture('latin1.csv'), surveyId, { encoding: 'latin1' });
      expect(latin).toMatchObject({ encoding: 'latin1', imported: 1 });
      const bom = await run(fixture('utf8-bom.csv'), surveyId);
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
      await expect(run(fixture('cp1252.csv'), surveyId, { encoding: 'utf8' })).rejects.toThrow(
        /not valid UTF-8/,
      );
    });

    it('maps columns named otherwise with --map, and refuses a file with no recognisable column', async () => {
      const surveyId = await publishedSurvey(t.runtime, ctx, 'nps');
      const file = tempFile('mapped.csv', 'Score,Why\n9,Good\n');
      await expect(run(file, surveyId)).rejects.toThrow(/No column matches a question/);
      const summary = await run(file, surveyId, {
        maps: new Map([
          ['Score', 'nps'],
          ['Why', 'reason'],
        ]),
      });
      expect(summary).toMatchObject({ imported: 1 });
      await expect(run(file, surveyId, { maps: new Map([['Score', 'nope']]) })).rejects.toThrow(
        /no question "nope"/,
      );
    });

    it('reads a column mapped to @key as a customer attribute that metrics break down by', async () => {
      const surveyId = await publishedSurvey(t.runtime, ctx, 'nps');
      const file = tempFile('tiers.csv', 'nps,Tier\n10,gold\n3,basic\n9,gold\n8,\n');
      const summary = await run(file, surveyId, { maps: new Map([['Tier', '@tier']]) });
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
        run(file, surveyId, { maps: new Map([['Tier', '@Not-A-Key']]) }),
      ).rejects.toThrow(/attribute key/);
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

    it('skips rows past a batch boundary by their own lines', async () => {
      const surveyId = await publishedSurvey(t.runtime, ctx, 'nps');
      const rows = Array.from({ length: 25 }, (_, i) => `${i},${i % 7 === 3 ? 12 : i % 11},x${i}`);
      const file = tempFile('batches.csv', `id,nps,reason\n${rows.join('\n')}\n`);
      const summary = await run(file, surveyId, { batchSize: 4 });
      expect(summary).toMatchObject({ rowsRead: 25, imported: 21, skipped: 4 });
      expect(summary.skippedRows.map((r) => r.line)).toEqual([5, 12, 19, 26]);
    });
  });
}
