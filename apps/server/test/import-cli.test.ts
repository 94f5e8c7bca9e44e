import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { main } from '../src/cli.js';
import { fixture } from './fixtures/import/surveys.js';
import { testDialects, type TestDatabase } from './support/databases.js';

for (const dialect of testDialects()) {
  describe(`polku surveys, import and export on the command line (${dialect.name})`, () => {
    let env: Record<string, string>;
    let database: TestDatabase | undefined;
    let out: string[];
    let err: string[];
    let workspaceId: string;
    const dir = mkdtempSync(join(tmpdir(), 'polku-import-cli-'));

    beforeAll(async () => {
      env = { POLKU_DATA_DIR: dir, LOG_LEVEL: 'silent' };
      if (dialect.name === 'postgres') {
        database = await dialect.create();
        if (database.config.dialect === 'postgres') env.DATABASE_URL = database.config.url;
      }
    });
    afterAll(async () => database?.drop());
    beforeEach(() => {
      out = [];
      err = [];
      vi.spyOn(console, 'log').mockImplementation((...a: unknown[]) => void out.push(a.join(' ')));
      vi.spyOn(console, 'error').mockImplementation(
        (...a: unknown[]) => void err.push(a.join(' ')),
      );
    });
    afterEach(() => vi.restoreAllMocks());

    it('creates a survey, publishes it, imports an export once, and exports it again', async () => {
      expect(
        await main(
          [
            'create-admin',
            '--email',
            'cli@example.com',
            '--password',
            'long-enough-pw',
            '--workspace',
            'Kauppa',
          ],
          env,
        ),
      ).toBe(0);
      workspaceId = (JSON.parse(out.pop()!) as { workspaceId: string }).workspaceId;

      expect(
        await main(
          [
            'surveys',
            'create',
            '--workspace',
            workspaceId,
            '--template',
            'nps',
            '--name',
            'Suositus',
          ],
          env,
        ),
      ).toBe(0);
      const created = JSON.parse(out.pop()!) as { surveyId: string };
      expect(created).toMatchObject({
        name: 'Suositus',
        template: 'nps',
        questionKeys: ['nps', 'reason'],
      });
      const surveyId = created.surveyId;
      const importArgs = [
        'import',
        'responses',
        fixture('qualtrics-3row.csv'),
        '--workspace',
        workspaceId,
        '--survey',
        surveyId,
      ];

      expect(await main(importArgs, env)).toBe(1);
      expect(err.join()).toMatch(/publish it first/);

      expect(
        await main(['surveys', 'publish', '--workspace', workspaceId, '--survey', surveyId], env),
      ).toBe(0);
      expect(JSON.parse(out.pop()!)).toMatchObject({ surveyId, version: 1 });

      expect(await main([...importArgs, '--dry-run'], env)).toBe(0);
      expect(out.pop()).toMatch(/^Dry run \(nothing stored\)[\s\S]*would import: +3/);

      expect(await main([...importArgs, '--json'], env)).toBe(0);
      expect(JSON.parse(out.pop()!)).toMatchObject({
        format: 'qualtrics',
        rowsRead: 3,
        imported: 3,
        alreadyImported: 0,
      });

      expect(await main(importArgs, env)).toBe(0);
      const text = out.pop()!;
      expect(text).toMatch(/imported: +0/);
      expect(text).toMatch(/already imported: 3/);
      expect(text).toMatch(/dates: +dates are ISO 8601/);

      const file = join(dir, 'out.csv');
      expect(
        await main(
          ['export', 'responses', '--workspace', workspaceId, '--survey', surveyId, '--out', file],
          env,
        ),
      ).toBe(0);
      const csv = readFileSync(file, 'utf8');
      expect(csv.startsWith('\uFEFFid,')).toBe(true);
      expect(csv.trim().split('\r\n')).toHaveLength(4);
    });

    it('stores nothing and exits 1 when a row cannot be imported, listing it by line and column; --skip-invalid stores the rest', async () => {
      expect(
        await main(['surveys', 'create', '--workspace', workspaceId, '--template', 'nps'], env),
      ).toBe(0);
      const { surveyId } = JSON.parse(out.pop()!) as { surveyId: string };
      await main(['surveys', 'publish', '--workspace', workspaceId, '--survey', surveyId], env);
      const args = [
        'import',
        'responses',
        fixture('qualtrics-legacy.csv'),
        '--workspace',
        workspaceId,
        '--survey',
        surveyId,
      ];
      expect(await main(args, env)).toBe(1);
      const refused = out.pop()!;
      expect(refused).toMatch(/imported: +0/);
      expect(refused).toMatch(/refused: +1\n/);
      expect(refused).toContain('line 4, column Q1: required');
      expect(refused).toMatch(/Nothing was stored: 1 row\(s\) cannot be imported as they are/);
      expect(await main([...args, '--skip-invalid'], env)).toBe(0);
      const skipped = out.pop()!;
      expect(skipped).toMatch(/imported: +2/);
      expect(skipped).toMatch(/refused: +1 \(skipped: --skip-invalid\)/);
    });

    it('reads labels through --values or --values-file, leaves a column out with --map "COLUMN=", and takes --delimiter and --date', async () => {
      expect(
        await main(['surveys', 'create', '--workspace', workspaceId, '--template', 'nps'], env),
      ).toBe(0);
      const { surveyId } = JSON.parse(out.pop()!) as { surveyId: string };
      await main(['surveys', 'publish', '--workspace', workspaceId, '--survey', surveyId], env);
      const file = join(dir, 'labels.csv');
      writeFileSync(file, 'Arvio;reason;Muistiinpano\nLoistava;hyvä;x\nKamala;huono;y\n');
      const base = ['import', 'responses', file, '--workspace', workspaceId, '--survey', surveyId];
      const args = [...base, '--map', 'Arvio=nps', '--date', '2026-05-01', '--json'];

      expect(await main([...args, '--delimiter', ';'], env)).toBe(1);
      const unmapped = JSON.parse(out.pop()!) as { refused: number; delimiter: string };
      expect(unmapped).toMatchObject({ refused: 2, delimiter: 'semicolon' });

      // "COLUMN=" leaves out a column that would otherwise answer its question.
      const values = ['--values', 'Arvio=Loistava=10,Kamala=0'];
      expect(await main([...args, ...values, '--map', 'reason=', '--dry-run'], env)).toBe(0);
      expect(JSON.parse(out.pop()!)).toMatchObject({
        outcome: 'imported',
        imported: 2,
        ignoredColumns: ['reason', 'Muistiinpano'],
        unmappedQuestions: ['reason'],
        valueLabels: [{ header: 'Arvio', labels: ['Loistava', 'Kamala'] }],
      });

      const mapping = join(dir, 'arvio.json');
      writeFileSync(mapping, JSON.stringify({ Arvio: { Loistava: 10, Kamala: 0 } }));
      expect(await main([...args, '--values-file', mapping], env)).toBe(0);
      expect(JSON.parse(out.pop()!)).toMatchObject({ imported: 2, dates: { source: 'no dates' } });

      for (const bad of [
        ['--values', 'Arvio'],
        ['--values', 'Arvio=Loistava'],
        ['--values-file', join(dir, 'no-such.json')],
        ['--delimiter', 'pipe'],
        ['--decimal', 'dot'],
      ]) {
        err = [];
        expect(await main([...args, ...bad], env), bad.join(' ')).toBe(2);
        expect(err.join(), bad.join(' ')).toContain('Usage: polku import responses');
      }
    });

    it('exits 2 with the usage on bad arguments', async () => {
      const cases = [
        ['surveys'],
        ['surveys', 'create', '--template', 'nps'],
        ['surveys', 'create', '--workspace', workspaceId, '--template', 'nope'],
        ['surveys', 'create', '--workspace', workspaceId, '--template', 'kano'],
        ['surveys', 'publish', '--workspace', workspaceId],
        ['import', 'responses', '--workspace', workspaceId, '--survey', 'x'],
        ['import', 'responses', fixture('generic.csv'), '--workspace', workspaceId],
        [
          'import',
          'responses',
          fixture('generic.csv'),
          '--workspace',
          workspaceId,
          '--survey',
          's',
          '--format',
          'xls',
        ],
        [
          'import',
          'responses',
          fixture('generic.csv'),
          '--workspace',
          workspaceId,
          '--survey',
          's',
          '--map',
          'oops',
        ],
        [
          'import',
          'responses',
          join(dir, 'missing.csv'),
          '--workspace',
          workspaceId,
          '--survey',
          's',
        ],
        ['import', 'surveys'],
        ['export', 'responses'],
        ['export', 'responses', '--workspace', workspaceId, '--format', 'ods'],
      ];
      for (const args of cases) {
        err = [];
        expect(await main(args, env), args.join(' ')).toBe(2);
        expect(err.join(), args.join(' ')).toContain('Usage: polku');
      }
    });
  });
}
