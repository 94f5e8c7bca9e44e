import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { WorkspaceContext } from '@polku/core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { main } from '../src/cli.js';
import type { EventImportSummary } from '../src/import/import-events.js';
import { createRuntime } from '../src/runtime.js';
import { loadConfig } from '../src/config.js';
import { testDialects, type TestDatabase } from './support/databases.js';

for (const dialect of testDialects()) {
  describe(`polku import events (${dialect.name})`, () => {
    let env: Record<string, string>;
    let database: TestDatabase | undefined;
    let out: string[];
    let err: string[];
    let workspaceId: string;
    const dir = mkdtempSync(join(tmpdir(), 'polku-import-events-'));
    const file = (name: string, text: string, encoding: BufferEncoding = 'utf8') => {
      const path = join(dir, name);
      writeFileSync(path, Buffer.from(text, encoding));
      return path;
    };
    const run = async (...args: string[]) => {
      const code = await main(['import', 'events', ...args, '--workspace', workspaceId], env);
      const printed = out.pop();
      return { code, summary: printed ? (JSON.parse(printed) as EventImportSummary) : null };
    };
    /** Touchpoint ids → names, to read stored events by the names the files use. */
    const touchpointNames = new Map<string, string>();
    /** The workspace's events, read straight from the database (touchpoints by name). */
    const stored = async () => {
      const runtime = await createRuntime(loadConfig(env));
      try {
        return await runtime.database.db
          .selectFrom('customerEvents')
          .select(['id', 'customerRef', 'type', 'touchpointId', 'occurredAt', 'day', 'value'])
          .where('workspaceId', '=', workspaceId)
          .orderBy('occurredAt')
          .orderBy('id')
          .execute()
          .then((rows) =>
            rows.map((r) => ({
              ...r,
              touchpointId:
                r.touchpointId && (touchpointNames.get(r.touchpointId) ?? r.touchpointId),
            })),
          );
      } finally {
        await runtime.close();
      }
    };

    beforeAll(async () => {
      env = { POLKU_DATA_DIR: dir, LOG_LEVEL: 'silent' };
      if (dialect.name === 'postgres') {
        database = await dialect.create();
        if (database.config.dialect === 'postgres') env.DATABASE_URL = database.config.url;
      }
      vi.spyOn(console, 'log').mockImplementation(() => undefined);
      await main(
        [
          'create-admin',
          '--email',
          'ev@example.com',
          '--password',
          'long-enough-pw',
          '--workspace',
          'Kauppa',
        ],
        env,
      );
      const logged = vi.mocked(console.log).mock.calls.at(-1)![0] as string;
      workspaceId = (JSON.parse(logged) as { workspaceId: string }).workspaceId;
      vi.restoreAllMocks();
      // The touchpoints the files name (by name: "checkout"…), in the workspace's journey model.
      const runtime = await createRuntime(loadConfig(env));
      try {
        const workspace = (await runtime.store.workspaces.findById(workspaceId))!;
        const owner = (await runtime.store.memberships.listForWorkspace(workspaceId))[0]!;
        const ctx: WorkspaceContext = {
          workspace,
          actor: { kind: 'user', userId: owner.userId, role: 'owner' },
          ip: null,
        };
        const journeys = runtime.services.journeys;
        const journey = await journeys.create(ctx, { name: 'Kauppa' });
        const stage = await journeys.createStage(ctx, journey.id, { name: 'Ostos' });
        for (const name of ['checkout', 'courier', 'web', 'counter']) {
          const tp = await journeys.createTouchpoint(ctx, journey.id, {
            stageId: stage.id,
            name,
            channel: 'web',
            subExperience: 'purchase',
          });
          touchpointNames.set(tp.id, name);
        }
      } finally {
        await runtime.close();
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

    const finnish = [
      'Asiakasnumero,Tyyppi,Kosketuspiste,Aika,Summa,Huomio',
      'A-1,Ostos,checkout,15.06.2025 10.30,"59,90",kukkia',
      'A-1,toimitus,courier,16.06.2025 12.00,,',
      'A-2,visit,web,17.06.2025 9.00,,',
      'A-3,purchase,checkout,31.06.2025 9.00,,',
      ',visit,web,17.06.2025 9.00,,',
      'A-4,two words,web,17.06.2025 9.00,,',
      'A-5,visit,web,17.06.2025 9.00,lots,',
      '',
    ].join('\r\n');

    it('stores nothing from a file with rows it cannot read, and lists them by line and column', async () => {
      const { code, summary } = await run(file('fi.csv', finnish), '--json');
      expect(code).toBe(1);
      expect(summary).toMatchObject({ outcome: 'refused', rowsRead: 7, imported: 0, refused: 4 });
      expect(summary!.refusedRows.map((r) => [r.line, r.column])).toEqual([
        [5, 'Aika'],
        [6, 'Asiakasnumero'],
        [7, 'Tyyppi'],
        [8, 'Summa'],
      ]);
      expect(summary!.refusedRows[3]!.reason).toBe('"lots" is not a number');
      expect(await stored()).toEqual([]);
    });

    it('imports a Finnish file by its header names, skipping the rows it cannot read when told to', async () => {
      const { code, summary } = await run(file('fi.csv', finnish), '--skip-invalid', '--json');
      expect(code).toBe(0);
      expect(summary).toMatchObject({
        outcome: 'imported',
        encoding: 'utf8',
        delimiter: 'comma',
        rowsRead: 7,
        imported: 3,
        alreadyImported: 0,
        refused: 4,
        dates: { order: 'DMY', source: 'data' },
        columns: [
          { header: 'Asiakasnumero', field: 'customer' },
          { header: 'Tyyppi', field: 'type' },
          { header: 'Kosketuspiste', field: 'touchpoint' },
          { header: 'Aika', field: 'time' },
          { header: 'Summa', field: 'value' },
        ],
        ignoredColumns: ['Huomio'],
      });
      expect(summary!.refusedRows.map((r) => r.line)).toEqual([5, 6, 7, 8]);
      const events = await stored();
      expect(events.map((e) => [e.customerRef, e.type, e.touchpointId, e.day, e.value])).toEqual([
        ['A-1', 'ostos', 'checkout', '2025-06-15', 59.9],
        ['A-1', 'toimitus', 'courier', '2025-06-16', null],
        ['A-2', 'visit', 'web', '2025-06-17', null],
      ]);
      // 10.30 in Helsinki (UTC+3 in summer).
      expect(Number(events[0]!.occurredAt)).toBe(Date.UTC(2025, 5, 15, 7, 30));
    });

    it('adds nothing when the same file is imported again (ids made from the rows)', async () => {
      const before = await stored();
      const { summary } = await run(file('fi.csv', finnish), '--skip-invalid', '--json');
      expect(summary).toMatchObject({ imported: 0, alreadyImported: 3, refused: 4 });
      expect(await stored()).toEqual(before);
    });

    it('takes the columns --map names, and the file’s own ids', async () => {
      const path = file(
        'mapped.csv',
        [
          'Ref,Who,Event,When,Where',
          'ord-2,B-1,purchase,2025-06-20T10:00:00Z,counter',
          'ORD 3,B-1,delivery,2025-06-21 12:00,courier',
        ].join('\n'),
      );
      const args = ['--map', 'Ref=id', '--map', 'Who=customer', '--map', 'When=time'];
      const { summary } = await run(path, ...args, '--map', 'Where=touchpoint', '--json');
      expect(summary).toMatchObject({
        imported: 2,
        refused: 0,
        columns: [
          { header: 'Ref', field: 'id' },
          { header: 'Who', field: 'customer' },
          { header: 'Event', field: 'type' },
          { header: 'Where', field: 'touchpoint' },
          { header: 'When', field: 'time' },
        ],
      });
      const ids = (await stored()).filter((e) => e.customerRef === 'B-1').map((e) => e.id);
      // A valid id is kept; "ORD 3" (a space) becomes a stable id made from it.
      expect(ids[0]).toBe('ord-2');
      expect(ids[1]).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-8/);
      const again = await run(path, ...args, '--map', 'Where=touchpoint', '--json');
      expect(again.summary).toMatchObject({ imported: 0, alreadyImported: 2 });
    });

    it('reads a touchpoint by its name or id, and refuses a row naming none of them', async () => {
      const [checkoutId] = [...touchpointNames].find(([, name]) => name === 'checkout')!;
      const path = file(
        'touchpoints.csv',
        [
          'customer,type,touchpoint,time',
          `D-1,visit,${checkoutId},2025-06-23 10:00`,
          'D-1,visit, CheckOut ,2025-06-23 11:00',
          'D-1,visit,nowhere,2025-06-23 12:00',
        ].join('\n'),
      );
      const { summary } = await run(path, '--skip-invalid', '--json');
      expect(summary).toMatchObject({
        imported: 2,
        refused: 1,
        refusedRows: [
          {
            line: 4,
            column: 'touchpoint',
            reason: 'no touchpoint "nowhere" in this workspace (give its name or id)',
          },
        ],
      });
      const d1 = (await stored()).filter((e) => e.customerRef === 'D-1');
      expect(d1.map((e) => e.touchpointId)).toEqual(['checkout', 'checkout']);
    });

    it('refuses a file with a row whose id another customer’s event has, or stores the rest when told to', async () => {
      const path = file(
        'taken.csv',
        [
          'id,customer,type,time',
          'ord-2,C-9,purchase,2025-06-22 10:00',
          'ord-4,C-9,visit,2025-06-22 11:00',
        ].join('\n'),
      );
      const taken = {
        refused: 1,
        refusedRows: [
          { line: 2, column: 'id', reason: 'already used by an event of another customer or type' },
        ],
      };
      const strict = await run(path, '--json');
      expect(strict).toMatchObject({ code: 1, summary: { outcome: 'refused', imported: 0 } });
      expect(strict.summary).toMatchObject(taken);
      const { summary } = await run(path, '--skip-invalid', '--json');
      expect(summary).toMatchObject({ imported: 1, ...taken });
    });

    it('validates everything and stores nothing in a dry run', async () => {
      const before = await stored();
      const path = file(
        'dry.csv',
        [
          'customer,type,time,value',
          'D-1,visit,2025-06-23 10:00,1',
          'D-2,visit,2025-06-23 11:00,2',
        ].join('\n'),
      );
      const { summary } = await run(path, '--dry-run', '--json');
      expect(summary).toMatchObject({ dryRun: true, imported: 2 });
      expect(await stored()).toEqual(before);
    });

    it('reads a cp1252 file', async () => {
      const path = file(
        'cp1252.csv',
        ['asiakas,tyyppi,päivämäärä', 'Åsa Öberg,visit,24.06.2025 10.00'].join('\n'),
        'latin1',
      );
      const { summary } = await run(path, '--json');
      expect(summary).toMatchObject({ encoding: 'cp1252', imported: 1 });
      expect((await stored()).some((e) => e.customerRef === 'Åsa Öberg')).toBe(true);
    });

    it('reads the files Finnish users export: semicolons and decimal commas, UTF-16 tab-separated text; --date-column names the time', async () => {
      const excel = file(
        'excel.csv',
        ['Asiakas;Tapahtuma;Milloin;Summa', 'F-Åsa;ostos;25.06.2025 10.00;"1 234,50"', ''].join(
          '\r\n',
        ),
        'latin1',
      );
      const semicolons = await run(excel, '--date-column', 'Milloin', '--json');
      expect(semicolons.summary).toMatchObject({
        outcome: 'imported',
        encoding: 'cp1252',
        delimiter: 'semicolon',
        imported: 1,
        columns: [
          { header: 'Asiakas', field: 'customer' },
          { header: 'Tapahtuma', field: 'type' },
          { header: 'Milloin', field: 'time' },
          { header: 'Summa', field: 'value' },
        ],
      });
      const unicode = Buffer.concat([
        Buffer.from([0xff, 0xfe]),
        Buffer.from(
          'customer\ttype\ttime\tvalue\r\nF-2\tvisit\t2025-06-25 11:00\t9,5\r\n',
          'utf16le',
        ),
      ]);
      const path = join(dir, 'unicode.txt');
      writeFileSync(path, unicode);
      const tabs = await run(path, '--json');
      expect(tabs.summary).toMatchObject({ encoding: 'utf16le', delimiter: 'tab', imported: 1 });
      const values = (await stored()).filter((e) => e.customerRef.startsWith('F-'));
      expect(values.map((e) => [e.customerRef, e.value])).toEqual([
        ['F-Åsa', 1234.5],
        ['F-2', 9.5],
      ]);
      // With the decimal mark a point, "9,5" is not read as nine and a half.
      const strict = await run(path, '--decimal', 'point', '--dry-run', '--json');
      expect(strict.summary?.refusedRows).toEqual([
        { line: 2, column: 'value', reason: '"9,5" has a comma where the decimal mark is a point' },
      ]);
    });

    it('refuses a NUL byte in a cell, and a quote that never closes, storing nothing', async () => {
      const before = await stored();
      const nul = await run(
        file(
          'nul.csv',
          'customer,type,time\nG-1,vis\0it,2025-06-26 10:00\nG-2,visit,2025-06-26 11:00\n',
        ),
        '--json',
      );
      expect(nul).toMatchObject({
        code: 1,
        summary: {
          outcome: 'refused',
          refusedRows: [
            { line: 2, column: 'type', reason: 'holds a NUL byte (0x00), which is not text' },
          ],
        },
      });
      const open = await run(file('open.csv', 'customer,type,time\nG-3,"visit,2025-06-26 10:00\n'));
      expect(open.code).toBe(1);
      expect(err.join('\n')).toMatch(/quoted field that begins on line 2 is never closed/);
      expect(await stored()).toEqual(before);
    });

    it('stops before storing anything when a needed column is missing, or --map is wrong', async () => {
      const before = await stored();
      const noTime = await run(file('notime.csv', 'customer,type\nE-1,visit\n'));
      expect(noTime.code).toBe(1);
      expect(err.join('\n')).toMatch(/No column for time/);
      const badMap = await main(
        ['import', 'events', file('x.csv', 'a\n'), '--workspace', workspaceId, '--map', 'a=who'],
        env,
      );
      expect(badMap).toBe(2);
      const noColumn = await run(file('y.csv', 'customer,type,time\n'), '--map', 'Nope=value');
      expect(noColumn.code).toBe(1);
      expect(err.join('\n')).toMatch(/no column "Nope"/);
      expect(await stored()).toEqual(before);
    });
  });
}
