import { readFileSync } from 'node:fs';
import type { ErrorBody, FieldIssue, ResponseImportResult } from '@polku/contracts';
import type { WorkspaceContext } from '@polku/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixture, ownerOf, publishedSurvey } from './fixtures/import/surveys.js';
import { createAccount, startTestApp, type Account, type TestApp } from './support/app.js';
import { testDialects } from './support/databases.js';
import { refuseResponsesPast } from './support/triggers.js';

/** The error of an error answer. */
const errorOf = (res: { json<T>(): T }) => res.json<ErrorBody>().error;

for (const dialect of testDialects()) {
  describe(`importing a file over HTTP (${dialect.name})`, () => {
    let t: TestApp;
    let owner: Account;
    let ctx: WorkspaceContext;

    beforeAll(async () => {
      t = await startTestApp(dialect);
      owner = await createAccount(t);
      ctx = await ownerOf(t.runtime, owner.workspaceId, owner.userId);
    });
    afterAll(() => t.close());

    const url = (surveyId: string, query = '', workspaceId = owner.workspaceId) =>
      `/api/v1/workspaces/${workspaceId}/surveys/${surveyId}/imports${query ? `?${query}` : ''}`;
    const post = (
      surveyId: string,
      body: string | Buffer,
      query = '',
      options: { as?: Account; contentType?: string; headers?: Record<string, string> } = {},
    ) =>
      (options.as ?? owner).browser.request({
        method: 'POST',
        url: url(surveyId, query),
        payload: body,
        headers: { 'content-type': options.contentType ?? 'text/csv', ...options.headers },
      });
    const storedCount = async (surveyId: string) =>
      (await t.runtime.services.responses.list(ctx, { surveyId, limit: 200 })).items.length;

    it('previews a Qualtrics export without storing it: layout, encoding, dates, mapping, the first rows', async () => {
      const surveyId = await publishedSurvey(t.runtime, ctx, 'nps');
      const res = await post(surveyId, readFileSync(fixture('qualtrics-3row.csv')), 'dryRun=1');
      expect(res.statusCode).toBe(200);
      const preview = res.json<ResponseImportResult>();
      expect(preview).toMatchObject({
        dryRun: true,
        format: 'qualtrics',
        encoding: 'utf8',
        delimiter: 'comma',
        decimal: 'auto',
        dates: { order: null, source: 'unambiguous' },
        dateColumn: 'RecordedDate',
        columns: [
          { header: 'Q1', question: 'nps' },
          { header: 'Q2', question: 'reason' },
        ],
        ignoredColumns: [],
        unmappedQuestions: [],
        summary: {
          outcome: 'imported',
          rowsRead: 3,
          imported: 3,
          alreadyImported: 0,
          refused: 0,
          refusedRows: [],
        },
      });
      expect(preview.questions.map((q) => q.key)).toEqual(['nps', 'reason']);
      expect(preview.sample).toHaveLength(3);
      expect(preview.sample[0]).toMatchObject({
        line: 4,
        answers: { nps: 10, reason: 'Fast, friendly service' },
        language: 'en',
        partial: false,
        submittedAt: Date.UTC(2026, 10, 23, 7, 12, 58),
      });
      expect(preview.sample[1]).toMatchObject({ line: 5, partial: true });
      expect(await storedCount(surveyId)).toBe(0);
    });

    it('imports, and the same file again adds nothing', async () => {
      const surveyId = await publishedSurvey(t.runtime, ctx, 'nps');
      const file = readFileSync(fixture('qualtrics-3row.csv'));
      const first = await post(surveyId, file);
      expect(first.statusCode).toBe(200);
      expect(first.json<ResponseImportResult>()).toMatchObject({
        dryRun: false,
        summary: { rowsRead: 3, imported: 3, alreadyImported: 0 },
      });
      expect(await storedCount(surveyId)).toBe(3);
      const again = await post(surveyId, file);
      expect(again.json<ResponseImportResult>().summary).toMatchObject({
        imported: 0,
        alreadyImported: 3,
      });
      const preview = await post(surveyId, file, 'dryRun=1');
      expect(preview.json<ResponseImportResult>().summary).toMatchObject({
        imported: 0,
        alreadyImported: 3,
      });
      expect(await storedCount(surveyId)).toBe(3);
    });

    it('reads a cp1252 file sent as octet-stream, and refuses it as UTF-8 when told so', async () => {
      const surveyId = await publishedSurvey(t.runtime, ctx, 'nps');
      const file = readFileSync(fixture('cp1252.csv'));
      const res = await post(surveyId, file, 'dryRun=1&date=2026-05-01', {
        contentType: 'application/octet-stream',
      });
      expect(res.statusCode).toBe(200);
      const preview = res.json<ResponseImportResult>();
      expect(preview.encoding).toBe('cp1252');
      expect(preview.sample.map((r) => r.answers?.reason)).toEqual([
        'Hinta 5 € oli hyvä – mutta jonotus kesti pitkään, ärsyttävää',
        'Löysin “hyvän” tuotteen',
      ]);
      const strict = await post(surveyId, file, 'dryRun=1&encoding=utf8&date=2026-05-01');
      expect(strict.statusCode).toBe(400);
      expect(errorOf(strict)).toMatchObject({ code: 'BAD_REQUEST' });
      expect(errorOf(strict).message).toMatch(/not valid UTF-8/);
    });

    it('maps and ignores columns as told, reads missing tokens and lists refused lines with their columns and reasons', async () => {
      const surveyId = await publishedSurvey(t.runtime, ctx, 'nps');
      const csv = 'Score,Why,Note\n9,Good,x\n11,Too high,y\n-,Missing,z\n';
      const unmapped = await post(surveyId, csv, 'dryRun=1&date=2026-05-01');
      expect(unmapped.statusCode).toBe(400);
      expect(errorOf(unmapped).message).toMatch(/No column matches a question/);

      const query = [
        'missing=-',
        'map=Score%3Dnps',
        'map=Why%3Dreason',
        'map=Note%3D',
        'date=2026-05-01',
      ];
      const res = await post(surveyId, csv, ['dryRun=1', ...query].join('&'));
      expect(res.statusCode).toBe(200);
      const refusedRows = [
        { line: 3, column: 'Score', reason: '"11" is not on the scale 0–10' },
        { line: 4, column: 'Score', reason: 'required' },
      ];
      expect(res.json<ResponseImportResult>()).toMatchObject({
        format: 'csv',
        columns: [
          { header: 'Score', question: 'nps' },
          { header: 'Why', question: 'reason' },
        ],
        ignoredColumns: ['Note'],
        summary: { outcome: 'refused', rowsRead: 3, imported: 0, refused: 2, refusedRows },
      });
      const skipping = await post(surveyId, csv, ['dryRun=1', 'skipInvalid=1', ...query].join('&'));
      expect(skipping.json<ResponseImportResult>().summary).toMatchObject({
        outcome: 'imported',
        imported: 1,
        refused: 2,
      });
      expect(await storedCount(surveyId)).toBe(0);

      // Importing it whole is refused, naming the rows; skipping them stores the rest.
      const refused = await post(surveyId, csv, query.join('&'));
      expect(refused.statusCode).toBe(422);
      expect(errorOf(refused)).toMatchObject({
        code: 'IMPORT_ROWS_REFUSED',
        details: { refused: 2, refusedRows },
      });
      expect(await storedCount(surveyId)).toBe(0);
      const stored = await post(surveyId, csv, ['skipInvalid=1', ...query].join('&'));
      expect(stored.statusCode).toBe(200);
      expect(stored.json<ResponseImportResult>().summary).toMatchObject({ imported: 1 });
      expect(await storedCount(surveyId)).toBe(1);
    });

    it('asks for a date format when the dates cannot tell day from month, and reads them with one', async () => {
      const surveyId = await publishedSurvey(t.runtime, ctx, 'nps');
      const csv = 'nps,submitted_at\n9,03/04/2026 10:00\n';
      const res = await post(surveyId, csv, 'dryRun=1');
      expect(res.statusCode).toBe(400);
      expect(errorOf(res).message).toMatch(/could be day\/month or month\/day/);
      const withFormat = await post(
        surveyId,
        csv,
        `dryRun=1&dateFormat=${encodeURIComponent('D/M/YYYY H:mm')}`,
      );
      expect(withFormat.statusCode).toBe(200);
      expect(withFormat.json<ResponseImportResult>()).toMatchObject({
        dates: { source: 'option' },
        sample: [{ submittedAt: Date.UTC(2026, 3, 3, 7, 0) }], // 10:00 in Helsinki (EEST)
      });
    });

    it('reads value maps sent as JSON and lists the labels they met, for the app to edit', async () => {
      const surveyId = await publishedSurvey(t.runtime, ctx, 'nps');
      const csv =
        'date;nps;reason\n2026-05-01;Loistava;a\n2026-05-01;Kamala;b\n2026-05-01;Outo;c\n';
      const values = encodeURIComponent(JSON.stringify({ nps: { Loistava: 10, Kamala: '0' } }));
      const res = await post(surveyId, csv, `dryRun=1&values=${values}`);
      expect(res.statusCode).toBe(200);
      const preview = res.json<ResponseImportResult>();
      expect(preview).toMatchObject({
        delimiter: 'semicolon',
        valueLabels: [
          { header: 'nps', question: 'nps', labels: ['Loistava', 'Kamala', 'Outo'], more: false },
        ],
        summary: { outcome: 'refused', refused: 1, refusedRows: [{ line: 4, column: 'nps' }] },
      });
      expect(preview.sample.map((r) => r.answers?.nps ?? r.problem)).toEqual([
        10,
        0,
        expect.stringMatching(
          /^nps: "Outo" is not a number .*value map knows "Loistava", "Kamala"/,
        ),
      ]);
      const twice = encodeURIComponent(JSON.stringify({ nps: { Meh: 1, MEH: 2 } }));
      const bad = await post(surveyId, csv, `dryRun=1&values=${twice}`);
      expect(bad.statusCode).toBe(400);
      expect(errorOf(bad)).toMatchObject({
        code: 'VALIDATION_FAILED',
        details: [{ path: 'querystring.values' }],
      });
      const notJson = await post(surveyId, csv, 'dryRun=1&values=%7Bnope');
      expect(notJson.statusCode).toBe(400);
    });

    it('answers IMPORT_NO_DATES with the columns to choose from, and reads the date column or the date given', async () => {
      const surveyId = await publishedSurvey(t.runtime, ctx, 'nps');
      const csv = 'nps,Vastattu pvm\n9,1.4.2026\n';
      const res = await post(surveyId, csv, 'dryRun=1');
      expect(res.statusCode).toBe(400);
      expect(errorOf(res)).toMatchObject({
        code: 'IMPORT_NO_DATES',
        details: { headers: ['nps', 'Vastattu pvm'] },
      });
      const byColumn = await post(surveyId, csv, 'dryRun=1&dateColumn=Vastattu%20pvm');
      expect(byColumn.json<ResponseImportResult>()).toMatchObject({
        dateColumn: 'Vastattu pvm',
        headers: ['nps', 'Vastattu pvm'],
        sample: [{ submittedAt: Date.UTC(2026, 2, 31, 21) }], // 1 April, 00:00 in Helsinki
      });
      const byDate = await post(surveyId, 'nps\n9\n', 'date=2026-05-01');
      expect(byDate.statusCode).toBe(200);
      expect(byDate.json<ResponseImportResult>()).toMatchObject({
        dateColumn: null,
        dates: { source: 'no dates' },
        summary: { imported: 1 },
      });
    });

    it('answers 503 IMPORT_INTERRUPTED, saying what was stored, when the database fails part-way; never a 500', async () => {
      const surveyId = await publishedSurvey(t.runtime, ctx, 'nps');
      const allow = await refuseResponsesPast(
        t.runtime.database,
        'polku_test_http_quota',
        surveyId,
        500,
      );
      const rows = Array.from({ length: 600 }, (_, i) => `r${i},2026-05-01,${i % 11}`);
      const csv = `id,date,nps\n${rows.join('\n')}\n`;
      try {
        const res = await post(surveyId, csv);
        expect(res.statusCode).toBe(503);
        expect(errorOf(res)).toMatchObject({
          code: 'IMPORT_INTERRUPTED',
          details: { imported: 500, alreadyImported: 0, beforeLine: 502 },
        });
        expect(errorOf(res).message).not.toMatch(/quota/); // the database's words stay in the log
        const stored = await t.runtime.database.db
          .selectFrom('responses')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('surveyId', '=', surveyId)
          .executeTakeFirstOrThrow();
        expect(Number(stored.n)).toBe(500);
      } finally {
        await allow();
      }
      const again = await post(surveyId, csv);
      expect(again.json<ResponseImportResult>().summary).toMatchObject({
        imported: 100,
        alreadyImported: 500,
      });
    });

    it('refuses bad options, other media types and surveys that are not published', async () => {
      const surveyId = await publishedSurvey(t.runtime, ctx, 'nps');
      const bad = await post(surveyId, 'nps\n9\n', 'format=excel&map=nokey');
      expect(bad.statusCode).toBe(400);
      expect(errorOf(bad).code).toBe('VALIDATION_FAILED');
      expect((errorOf(bad).details as FieldIssue[]).map((d) => d.path)).toEqual([
        'querystring.format',
        'querystring.map.0',
      ]);
      const stray = await post(surveyId, 'nps\n9\n', 'dryRun=1&skipBad=1');
      expect(stray.statusCode).toBe(400);
      expect(errorOf(stray).code).toBe('VALIDATION_FAILED');
      const json = await post(surveyId, JSON.stringify({ nps: 9 }), '', {
        contentType: 'application/json',
      });
      expect(json.statusCode).toBe(415);
      expect(errorOf(json).code).toBe('UNSUPPORTED_MEDIA_TYPE');

      const draft = await t.runtime.services.surveys.create(ctx, {
        name: 'draft',
        purpose: 'transactional',
        touchpointId: null,
        template: 'nps',
        languages: ['fi'],
        defaultLanguage: 'fi',
      });
      const notOpen = await post(draft.id, 'nps\n9\n');
      expect(notOpen.statusCode).toBe(409);
      expect(errorOf(notOpen).code).toBe('SURVEY_NOT_OPEN');
      const unknown = await post('00000000-0000-7000-8000-000000000000', 'nps\n9\n');
      expect(unknown.statusCode).toBe(404);
    });

    it('answers 404 to a member of another workspace, 401 without credentials and 403 without the CSRF token', async () => {
      const surveyId = await publishedSurvey(t.runtime, ctx, 'nps');
      const stranger = await createAccount(t, 'stranger');
      const foreign = await post(surveyId, 'nps\n9\n', '', { as: stranger });
      expect(foreign.statusCode).toBe(404);
      expect(errorOf(foreign).code).toBe('NOT_FOUND');
      const strangersOwn = await stranger.browser.request({
        method: 'POST',
        url: url(surveyId, '', stranger.workspaceId),
        payload: 'nps\n9\n',
        headers: { 'content-type': 'text/csv' },
      });
      expect(strangersOwn.statusCode).toBe(404);

      const anonymous = await t.app.inject({
        method: 'POST',
        url: url(surveyId),
        payload: 'nps\n9\n',
        headers: { 'content-type': 'text/csv' },
      });
      expect(anonymous.statusCode).toBe(401);
      expect(errorOf(anonymous).code).toBe('UNAUTHENTICATED');

      const noCsrf = await t.app.inject({
        method: 'POST',
        url: url(surveyId),
        payload: 'nps\n9\n',
        headers: { 'content-type': 'text/csv', cookie: owner.browser.cookie },
      });
      expect(noCsrf.statusCode).toBe(403);
      expect(errorOf(noCsrf).code).toBe('CSRF_TOKEN_INVALID');
      expect(await storedCount(surveyId)).toBe(0);
    });
  });
}
