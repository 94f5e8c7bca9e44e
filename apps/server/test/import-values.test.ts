import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ResponseView } from '@polku/contracts';
import type { WorkspaceContext } from '@polku/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportOptions } from '../src/import/import-responses.js';
import { addToValueMaps, parseValuesArgument, type ValueMaps } from '../src/import/value-maps.js';
import { importFile, ownerOf, publishedSurvey } from './fixtures/import/surveys.js';
import { createAccount, startTestApp, type TestApp } from './support/app.js';
import { testDialects } from './support/databases.js';

const dir = mkdtempSync(join(tmpdir(), 'polku-import-values-'));
let written = 0;
function tempFile(text: string): string {
  const path = join(dir, `file-${++written}.csv`);
  writeFileSync(path, text);
  return path;
}

/** `--values` arguments as the import reads them. */
function valueMaps(...args: string[]): ValueMaps {
  const maps: ValueMaps = new Map();
  for (const a of args) {
    const { column, pairs } = parseValuesArgument(a);
    addToValueMaps(maps, column, pairs);
  }
  return maps;
}

const NPS_TEXT = 'How likely are you to recommend us to a friend or colleague?';

for (const dialect of testDialects()) {
  describe(`value maps, answer wordings and languages on import (${dialect.name})`, () => {
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
    const byReason = async (surveyId: string): Promise<Map<unknown, ResponseView>> =>
      new Map(
        (await t.runtime.services.responses.list(ctx, { surveyId, limit: 100 })).items.map((r) => [
          r.answers.reason,
          r,
        ]),
      );

    it('reads Google Forms label answers through a value map; an unknown label is refused with the known ones', async () => {
      const surveyId = await publishedSurvey(t.runtime, ctx, 'feedback');
      const file = tempFile(
        [
          `Aikaleima,${NPS_TEXT},What is the main reason for your score?`,
          '1.5.2026 10.00.00,Yum!,tasty',
          '1.5.2026 10.05.00,horrendous,awful',
          '1.5.2026 10.10.00,Meh,so so',
          '1.5.2026 10.15.00,En osaa sanoa,no idea',
          '',
        ].join('\n'),
      );
      const values = valueMaps(`${NPS_TEXT}=Horrendous=0,Meh=5,Yum!=10`);
      const refused = await run(file, surveyId, { values, dryRun: true });
      expect(refused.format).toBe('google-forms');
      expect(refused.refusedRows).toEqual([
        {
          line: 5,
          column: NPS_TEXT,
          reason:
            '"En osaa sanoa" is not a number (the scale is 0–10); the column\'s value map knows "Horrendous", "Meh", "Yum!"',
        },
      ]);
      expect(refused.valueLabels).toEqual([
        {
          header: NPS_TEXT,
          question: 'nps',
          labels: ['Yum!', 'horrendous', 'Meh', 'En osaa sanoa'],
          more: false,
        },
      ]);

      // An empty value reads the label as not answered; nps is required, so say it.
      const mapped = valueMaps(`${NPS_TEXT}=Horrendous=0,Meh=5,Yum!=10,"En osaa sanoa"=`);
      const summary = await run(file, surveyId, { values: mapped, skipInvalid: true });
      expect(summary).toMatchObject({ imported: 3, refused: 1 });
      expect(summary.refusedRows).toEqual([{ line: 5, column: NPS_TEXT, reason: 'required' }]);
      const rows = await byReason(surveyId);
      expect(rows.get('tasty')?.answers.nps).toBe(10);
      expect(rows.get('awful')?.answers.nps).toBe(0); // labels are compared ignoring case
      expect(rows.get('so so')?.answers.nps).toBe(5);
    });

    it('reads Qualtrics numeric choice codes through a value map, and the language column into the response language', async () => {
      const surveyId = await publishedSurvey(t.runtime, ctx, 'feedback');
      const file = tempFile(
        [
          'ResponseId,RecordedDate,Q_Language,Q1,Q2,Q3',
          `Response ID,Recorded Date,Language,${NPS_TEXT},What is the main reason for your score?,Where did you shop?`,
          'R_1,2026-05-01 10:00:00,FI,9,yksi,1',
          'R_2,2026-05-01 11:00:00,EN-GB,10,two,2',
          'R_3,2026-05-01 12:00:00,DE,8,drei,1',
          'R_4,2026-05-01 13:00:00,SV,8,fyra,3',
          '',
        ].join('\n'),
      );
      const values = valueMaps('Q3=1=store,2=web');
      const summary = await run(file, surveyId, { values, skipInvalid: true });
      expect(summary).toMatchObject({ format: 'qualtrics', imported: 2, refused: 2 });
      expect(summary.refusedRows).toEqual([
        {
          line: 5,
          column: 'Q_Language',
          reason: '"DE" is not a language Polku offers (fi, sv, en)',
        },
        {
          line: 6,
          column: 'Q3',
          reason:
            '"3" is not an option (store, web, or their labels); the column\'s value map knows "1", "2"',
        },
      ]);
      const rows = await byReason(surveyId);
      expect(rows.get('yksi')).toMatchObject({ language: 'fi', answers: { visit: 'store' } });
      expect(rows.get('two')).toMatchObject({ language: 'en', answers: { visit: 'web' } });

      // A language the survey does not offer is refused by the intake, in its column.
      const sv = tempFile(
        [
          'ResponseId,RecordedDate,UserLanguage,Q1',
          `Response ID,Recorded Date,User Language,${NPS_TEXT}`,
          'R_9,2026-05-01 10:00:00,SV,9',
          '',
        ].join('\n'),
      );
      const notOffered = await run(sv, surveyId);
      expect(notOffered.refusedRows).toEqual([
        { line: 3, column: 'UserLanguage', reason: 'the survey is not offered in sv' },
      ]);
    });

    it('reads Kano answers by their wordings in Finnish, Swedish and English, and Y/N as goal answers, without a map', async () => {
      const surveyId = await publishedSurvey(t.runtime, ctx, 'feedback');
      const file = tempFile(
        [
          'date,nps,reason,delivery_functional,delivery_dysfunctional,goal',
          '2026-05-01,9,fi,Pidän siitä,En pidä siitä,K',
          '2026-05-01,9,sv,Jag förväntar mig det,Jag kan acceptera det,N',
          '2026-05-01,9,en,I like it,I can live with it,Y',
          '2026-05-01,9,berger,It must be that way,I dislike it that way,Ei',
          '',
        ].join('\n'),
      );
      const summary = await run(file, surveyId);
      expect(summary).toMatchObject({ outcome: 'imported', imported: 4 });
      const rows = await byReason(surveyId);
      expect(rows.get('fi')?.answers).toMatchObject({
        delivery: { functional: 'like', dysfunctional: 'dislike' },
        goal: 'yes',
      });
      expect(rows.get('sv')?.answers).toMatchObject({
        delivery: { functional: 'must_be', dysfunctional: 'live_with' },
        goal: 'no',
      });
      expect(rows.get('en')?.answers).toMatchObject({
        delivery: { functional: 'like', dysfunctional: 'live_with' },
        goal: 'yes',
      });
      expect(rows.get('berger')?.answers).toMatchObject({
        delivery: { functional: 'must_be', dysfunctional: 'dislike' },
        goal: 'no',
      });
    });

    it('reads one-column-per-choice flags: 1/0 and Y/N pick an option or leave it, and a value map names other flags', async () => {
      const surveyId = await publishedSurvey(t.runtime, ctx, 'feedback');
      const file = tempFile(
        [
          'date,nps,reason,topics_price,topics_service,topics_quality',
          '2026-05-01,8,a,1,0,Y',
          '2026-05-01,8,b,N,Y,n',
          '2026-05-01,8,c,Valittu,,Ei valittu',
          '',
        ].join('\n'),
      );
      const values = valueMaps(
        'topics_price=Valittu=1,"Ei valittu"=0',
        'topics_quality=Valittu=1,"Ei valittu"=0',
      );
      await run(file, surveyId, { values });
      const rows = await byReason(surveyId);
      expect(rows.get('a')?.answers.topics).toEqual(['price', 'quality']);
      expect(rows.get('b')?.answers.topics).toEqual(['service']);
      expect(rows.get('c')?.answers.topics).toEqual(['price']);
    });

    it('refuses a value map whose value is no answer to its question, or that names no column, before reading a row', async () => {
      const surveyId = await publishedSurvey(t.runtime, ctx, 'nps');
      const file = tempFile('date,nps\n2026-05-01,Great\n');
      await expect(run(file, surveyId, { values: valueMaps('nps=Great=11') })).rejects.toThrow(
        /--values nps: "Great" = "11" is no answer to nps: "11" is not on the scale 0–10/,
      );
      await expect(run(file, surveyId, { values: valueMaps('Score=Great=9') })).rejects.toThrow(
        /--values Score=…: the file has no column "Score"/,
      );
      await expect(run(file, surveyId, { values: valueMaps('date=x=9') })).rejects.toThrow(
        /the column "date" answers no question/,
      );
      const stored = await run(file, surveyId, { values: valueMaps('nps=great=9') });
      expect(stored).toMatchObject({ imported: 1 });
    });
  });
}
