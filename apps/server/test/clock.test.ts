import { localDay, type WorkspaceContext } from '@polku/core';
import type { SessionInfo, Survey } from '@polku/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../src/config.js';
import { ownerOf } from './fixtures/import/surveys.js';
import { createAccount, startTestApp, type Account, type TestApp } from './support/app.js';
import { testDialects } from './support/databases.js';

describe('POLKU_TODAY', () => {
  it('starts a day at 12:00 UTC, the same calendar day from UTC−11 to UTC+11', () => {
    expect(loadConfig({ POLKU_TODAY: '2026-03-28' }).clock.startAt).toBe(Date.UTC(2026, 2, 28, 12));
  });
  it('takes an instant with its offset as given', () => {
    expect(loadConfig({ POLKU_TODAY: '2026-03-28T23:30:00+02:00' }).clock.startAt).toBe(
      Date.UTC(2026, 2, 28, 21, 30),
    );
  });
  it('leaves the real clock when unset', () => {
    expect(loadConfig({}).clock.startAt).toBeNull();
  });
  it('refuses what is not a day or an instant, naming the variable', () => {
    for (const bad of ['28.3.2026', '2026-02-30', 'yesterday', '2026-03-28T12:00'])
      expect(() => loadConfig({ POLKU_TODAY: bad }), bad).toThrow(ConfigError);
    expect(() => loadConfig({ POLKU_TODAY: 'yesterday' })).toThrow(/POLKU_TODAY: write a day/);
  });
});

for (const dialect of testDialects()) {
  describe(`a server on a fixed today (${dialect.name})`, () => {
    const TODAY = '2026-03-28';
    let t: TestApp;
    let owner: Account;
    let ctx: WorkspaceContext;
    let survey: Survey;
    const base = () => `/api/v1/workspaces/${owner.workspaceId}`;

    beforeAll(async () => {
      t = await startTestApp(dialect, { POLKU_TODAY: TODAY });
      owner = await createAccount(t);
      ctx = await ownerOf(t.runtime, owner.workspaceId, owner.userId);
      survey = (
        await owner.browser.request({
          method: 'POST',
          url: `${base()}/surveys`,
          payload: { name: 'Palaute', template: 'nps' },
        })
      ).json<Survey>();
      await owner.browser.request({
        method: 'POST',
        url: `${base()}/surveys/${survey.id}/publish`,
      });
    });
    afterAll(() => t?.close());

    it('runs on from that day: time still moves for sessions, leases and jobs', async () => {
      const first = t.runtime.clock.now();
      expect(localDay(first, 'Europe/Helsinki')).toBe(TODAY);
      await new Promise((r) => setTimeout(r, 25));
      expect(t.runtime.clock.now() - first).toBeGreaterThanOrEqual(20);
    });

    it("tells the web app the server's time, so its periods end on the server's today", async () => {
      const res = await owner.browser.request({ method: 'GET', url: '/api/v1/auth/session' });
      const { serverTime } = res.json<SessionInfo>();
      expect(localDay(serverTime, 'Europe/Helsinki')).toBe(TODAY);
    });

    it('dates an answer given now on that day', async () => {
      const { id } = await t.runtime.services.responses.submit(ctx, {
        surveyId: survey.id,
        partial: false,
        answers: { nps: 9 },
        source: 'api',
      });
      const row = await t.runtime.database.db
        .selectFrom('responses')
        .select(['day', 'submittedAt'])
        .where('workspaceId', '=', owner.workspaceId)
        .where('id', '=', id)
        .executeTakeFirstOrThrow();
      expect(row.day).toBe(TODAY);
      expect(localDay(Number(row.submittedAt), 'Europe/Helsinki')).toBe(TODAY);
    });

    it('queues, claims and finishes jobs on its clock', async () => {
      await owner.browser.request({
        method: 'POST',
        url: '/api/v1/auth/password-reset',
        payload: { email: owner.email },
      });
      expect(await t.runtime.worker.drain()).toBeGreaterThan(0);
      const job = await t.runtime.database.db
        .selectFrom('jobs')
        .select(['createdAt', 'updatedAt', 'status'])
        .where('kind', '=', 'email.send')
        .executeTakeFirstOrThrow();
      expect(job.status).toBe('done');
      expect(localDay(Number(job.createdAt), 'UTC')).toBe(TODAY);
      expect(localDay(Number(job.updatedAt), 'UTC')).toBe(TODAY);
      const mail = await t.runtime.database.db
        .selectFrom('emails')
        .select(['status', 'sentAt'])
        .where('to', '=', owner.email)
        .executeTakeFirstOrThrow();
      expect(mail.status).toBe('kept');
      expect(localDay(Number(mail.sentAt), 'UTC')).toBe(TODAY);
    });

    it('stamps an export file with its day', async () => {
      const res = await owner.browser.request({
        method: 'GET',
        url: `${base()}/responses/export?surveyId=${survey.id}`,
      });
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-disposition']).toBe(
        `attachment; filename="responses-${TODAY}.csv"`,
      );
    });
  });
}
