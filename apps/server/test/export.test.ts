import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { WorkspaceContext } from '@polku/core';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { csvCell, planResponseExport, writeResponsesCsv } from '../src/export/responses-csv.js';
import { CsvParser } from '../src/import/csv-reader.js';
import { fixture, importFile, ownerOf, publishedSurvey } from './fixtures/import/surveys.js';
import { createAccount, startTestApp, type Account, type TestApp } from './support/app.js';
import { testDialects } from './support/databases.js';

/** The CSV's records as objects keyed by header. */
function rowsOf(csv: string): Record<string, string>[] {
  const parser = new CsvParser();
  const [header, ...rows] = [...parser.feed(csv.replace(/^\uFEFF/, '')), ...parser.end()];
  return rows.map((r) => Object.fromEntries(header!.fields.map((h, i) => [h, r.fields[i] ?? ''])));
}

describe('CSV cells', () => {
  it('quotes what needs quoting and defuses formulas', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a, "b"\nc')).toBe('"a, ""b""\nc"');
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvCell('+358 40 123')).toBe("'+358 40 123");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell(-3)).toBe('-3');
  });
});

for (const dialect of testDialects()) {
  describe(`exporting responses (${dialect.name})`, () => {
    let t: TestApp;
    let owner: Account;
    let ctx: WorkspaceContext;
    let surveyId: string;
    const url = (query = '') =>
      `/api/v1/workspaces/${owner.workspaceId}/responses/export${query ? `?${query}` : ''}`;
    // generic.csv has two rows the import refuses (no score, 11 on a 0–10 scale): skip them.
    const importInto = (file: string, survey: string) =>
      importFile(t.runtime, owner.workspaceId, file, survey, { missing: ['-'], skipInvalid: true });

    beforeAll(async () => {
      t = await startTestApp(dialect);
      owner = await createAccount(t);
      ctx = await ownerOf(t.runtime, owner.workspaceId, owner.userId);
      surveyId = await publishedSurvey(t.runtime, ctx, 'feedback');
      await importInto(fixture('generic.csv'), surveyId);
    });
    afterAll(() => t.close());

    it('streams a CSV Excel opens as UTF-8: metadata, a column per answer part, formulas defused', async () => {
      const res = await owner.browser.request({ method: 'GET', url: url(`surveyId=${surveyId}`) });
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
      expect(res.headers['content-disposition']).toMatch(
        /^attachment; filename="responses-\d{4}-\d{2}-\d{2}\.csv"$/,
      );
      expect(res.body.startsWith('\uFEFFid,submitted_at,day,survey_id,survey,version,status')).toBe(
        true,
      );
      const rows = rowsOf(res.body);
      expect(rows).toHaveLength(4);
      const first = rows.find((r) => r.nps === '10')!;
      expect(first).toMatchObject({
        submitted_at: '2026-11-23T07:12:58.000Z',
        day: '2026-11-23',
        survey: 'feedback',
        version: '1',
        status: 'complete',
        source: 'import',
        language: 'fi',
        reason: 'Hyvä palvelu, nopea toimitus',
        visit: 'store',
        topics: 'price;service',
        goal: 'yes',
        delivery_functional: 'like',
        delivery_dysfunctional: 'dislike',
        expect_expectation: '5',
        expect_outcome: '6',
        test: 'no',
      });
      expect(rows.find((r) => r.nps === '9')!.reason).toBe("'=1+1");
      expect(rows.find((r) => r.nps === '7')!.reason).toBe('Hän sanoi "kiitos"\r\nja hymyili');
    });

    it('reads back through the import into another survey with the same answers', async () => {
      const res = await owner.browser.request({ method: 'GET', url: url(`surveyId=${surveyId}`) });
      const file = join(mkdtempSync(join(tmpdir(), 'polku-export-')), 'export.csv');
      writeFileSync(file, res.rawPayload);
      const copy = await publishedSurvey(t.runtime, ctx, 'feedback');
      const summary = await importInto(file, copy);
      expect(summary).toMatchObject({ format: 'csv', imported: 4, refused: 0 });
      const answers = async (id: string) =>
        (await t.runtime.services.responses.list(ctx, { surveyId: id, limit: 50 })).items
          .map((r): Record<string, unknown> => ({
            ...r.answers,
            submittedAt: r.submittedAt,
            language: r.language,
          }))
          .sort((a, b) => Number(a.nps) - Number(b.nps));
      // The exported "'=1+1" keeps its defusing apostrophe: the one answer that differs.
      const original = (await answers(surveyId)).map((a) =>
        a.reason === '=1+1' ? { ...a, reason: "'=1+1" } : a,
      );
      expect(await answers(copy)).toEqual(original);
    });

    it('marks a test response in its test column, and the import reads the mark back', async () => {
      const source = await publishedSurvey(t.runtime, ctx, 'nps');
      const submit = (nps: number, test: boolean) =>
        owner.browser.request({
          method: 'POST',
          url: `/api/v1/workspaces/${owner.workspaceId}/responses`,
          payload: { surveyId: source, answers: { nps }, test },
        });
      expect((await submit(10, false)).statusCode).toBe(201);
      expect((await submit(0, true)).statusCode).toBe(201);
      const res = await owner.browser.request({ method: 'GET', url: url(`surveyId=${source}`) });
      const rows = rowsOf(res.body);
      expect(rows.map((r) => [r.nps, r.test]).sort()).toEqual([
        ['0', 'yes'],
        ['10', 'no'],
      ]);
      const file = join(mkdtempSync(join(tmpdir(), 'polku-export-')), 'tests.csv');
      writeFileSync(file, res.rawPayload);
      const copy = await publishedSurvey(t.runtime, ctx, 'nps');
      expect(await importFile(t.runtime, owner.workspaceId, file, copy, {})).toMatchObject({
        imported: 2,
      });
      const copied = (await t.runtime.services.responses.list(ctx, { surveyId: copy, limit: 10 }))
        .items;
      expect(copied.map((r) => [r.answers.nps, r.test]).sort()).toEqual([
        [0, true],
        [10, false],
      ]);
    });

    it('pages through every response however small the page', async () => {
      const plan = await planResponseExport(t.runtime.store, owner.workspaceId, { surveyId }, 1);
      let csv = '';
      for await (const chunk of writeResponsesCsv(plan)) csv += chunk;
      expect(rowsOf(csv)).toHaveLength(4);
      const none = await planResponseExport(t.runtime.store, owner.workspaceId, {
        surveyId,
        from: '2027-01-01',
      });
      let empty = '';
      for await (const chunk of writeResponsesCsv(none)) empty += chunk;
      expect(rowsOf(empty)).toHaveLength(0);
    });

    it('filters by local day', async () => {
      const res = await owner.browser.request({
        method: 'GET',
        url: url(`surveyId=${surveyId}&from=2026-11-24&to=2026-11-25`),
      });
      expect(rowsOf(res.body).map((r) => r.day)).toEqual(['2026-11-25', '2026-11-25']);
    });

    it('exports the same rows as an XLSX workbook, text as text and numbers as numbers', async () => {
      const res = await owner.browser.request({
        method: 'GET',
        url: url(`format=xlsx&surveyId=${surveyId}`),
      });
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toBe(
        'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      );
      expect(res.headers['content-disposition']).toMatch(
        /filename="responses-\d{4}-\d{2}-\d{2}\.xlsx"/,
      );
      const files = unzipSync(new Uint8Array(res.rawPayload));
      expect(Object.keys(files).sort()).toEqual([
        '[Content_Types].xml',
        '_rels/.rels',
        'xl/_rels/workbook.xml.rels',
        'xl/workbook.xml',
        'xl/worksheets/sheet1.xml',
      ]);
      const sheet = strFromU8(files['xl/worksheets/sheet1.xml']!);
      expect(sheet).toContain(
        '<c r="A1" t="inlineStr"><is><t xml:space="preserve">id</t></is></c>',
      );
      expect(sheet.match(/<row /g)).toHaveLength(5); // the header and four responses
      expect(sheet).toMatch(/<c r="[A-Z]+\d+"><v>\d+<\/v><\/c>/);
      expect(sheet).toContain('=1+1'); // inline text, never a formula
      expect(sheet).not.toContain('<f>');
    });

    it('answers 401 without credentials, 404 to someone outside the workspace, 400 to a bad query', async () => {
      const anonymous = await t.app.inject({ method: 'GET', url: url() });
      expect(anonymous.statusCode).toBe(401);
      expect(anonymous.json()).toMatchObject({ error: { code: 'UNAUTHENTICATED' } });
      const stranger = await createAccount(t, 'stranger');
      const foreign = await stranger.browser.request({ method: 'GET', url: url() });
      expect(foreign.statusCode).toBe(404);
      expect(foreign.json()).toMatchObject({ error: { code: 'NOT_FOUND' } });
      const bad = await owner.browser.request({ method: 'GET', url: url('from=yesterday') });
      expect(bad.statusCode).toBe(400);
      expect(bad.json()).toMatchObject({ error: { code: 'VALIDATION_FAILED' } });
      const unknown = await owner.browser.request({ method: 'GET', url: url('format=ods') });
      expect(unknown.statusCode).toBe(400);
      const missing = await owner.browser.request({
        method: 'GET',
        url: url('surveyId=01890000-0000-7000-8000-000000000000'),
      });
      expect(missing.statusCode).toBe(404);
    });
  });
}
