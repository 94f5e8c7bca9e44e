import type { Survey, SurveyInvitation } from '@polku/contracts';
import { DAY } from '@polku/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccount, startTestApp, type Account, type TestApp } from './support/app.js';
import { testDialects } from './support/databases.js';

for (const dialect of testDialects()) {
  describe(`survey invitations by email on ${dialect.name}`, () => {
    let t: TestApp;
    let owner: Account;
    let base: string;

    const post = (url: string, payload?: object) =>
      owner.browser.request({ method: 'POST', url, ...(payload && { payload }) });
    const publishedSurvey = async (name: string) => {
      const s = (await post(`${base}/surveys`, { name, template: 'csat' })).json<Survey>();
      await post(`${base}/surveys/${s.id}/publish`);
      return s;
    };
    const invitations = async (surveyId: string) =>
      (
        await owner.browser.request({
          method: 'GET',
          url: `${base}/surveys/${surveyId}/invitations`,
        })
      ).json<{ items: SurveyInvitation[] }>().items;
    const mailsTo = (email: string) =>
      t.runtime.database.db
        .selectFrom('emails')
        .selectAll()
        .where('to', '=', email)
        .orderBy('id')
        .execute();

    beforeAll(async () => {
      t = await startTestApp(dialect);
      owner = await createAccount(t);
      base = `/api/v1/workspaces/${owner.workspaceId}`;
    });
    afterAll(() => t.close());

    it('sends personal links through the queue, once per address, with one reminder to those who did not answer', async () => {
      const survey = await publishedSurvey('Toimitus');
      const res = await post(`${base}/surveys/${survey.id}/invitations`, {
        recipients: [
          { email: 'Anna@Example.com', language: 'sv' },
          { email: 'ben@example.com', language: 'en' },
          { email: 'anna@example.com' },
        ],
        reminderAfterDays: 3,
      });
      expect(res.statusCode).toBe(201);
      expect(res.json()).toEqual({
        scheduled: 2,
        notInvited: [{ email: 'anna@example.com', reason: 'already invited to this survey' }],
      });
      await t.runtime.worker.drain();
      const [mail] = await mailsTo('anna@example.com');
      expect(mail?.subject).toContain('Nöjdhetsenkät');
      const token = /\/s\/[A-Za-z0-9_-]+\?i=([A-Za-z0-9_-]+)&lang=sv/.exec(mail!.text)?.[1];
      expect(token).toBeDefined();
      expect(mail!.text).toContain(`/u/${token}`);
      expect((await invitations(survey.id)).map((i) => i.status)).toEqual(['sent', 'sent']);

      // Ben answers through his link; only Anna is reminded, once.
      const ben = (await invitations(survey.id)).find((i) => i.email === 'ben@example.com')!;
      const benToken = (
        await t.runtime.database.db
          .selectFrom('surveyInvitations')
          .select('token')
          .where('id', '=', ben.id)
          .executeTakeFirstOrThrow()
      ).token;
      const open = await t.runtime.services.surveyInvitations.findOpen(benToken);
      await t.runtime.services.surveyInvitations.markResponded(open!, 'r1');
      await t.runtime.worker.drain(() => Date.now() + 4 * DAY);
      await t.runtime.worker.drain(() => Date.now() + 10 * DAY);
      const annaMails = await mailsTo('anna@example.com');
      expect(annaMails.map((m) => m.subject.startsWith('Påminnelse'))).toEqual([false, true]);
      expect(await mailsTo('ben@example.com')).toHaveLength(1);
      expect(
        (await invitations(survey.id)).find((i) => i.email === 'anna@example.com')?.remindedAt,
      ).not.toBeNull();
    });

    it('lets the invited person answer once through the personal link, and marks the invitation answered', async () => {
      const survey = await publishedSurvey('Kutsulla');
      await post(`${base}/surveys/${survey.id}/invitations`, {
        recipients: [{ email: 'once@example.com', language: 'fi' }],
      });
      await t.runtime.worker.drain();
      const [mail] = await mailsTo('once@example.com');
      const path = /\/s\/[^\s]+/.exec(mail!.text)![0];
      const page = await t.app.inject({ method: 'GET', url: path });
      expect(page.statusCode).toBe(200);
      const hidden = (name: string) =>
        new RegExp(`name="${name}" value="([^"]*)"`).exec(page.body)?.[1] ?? '';
      const fields = ['_rid', '_page', '_v', '_lang', '_inv'].map((n): [string, string] => [
        n,
        hidden(n),
      ]);
      expect(hidden('_inv')).not.toBe('');
      const done = await t.app.inject({
        method: 'POST',
        url: path.split('?')[0]!,
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        payload: new URLSearchParams([
          ...fields,
          ['q_csat', '5'],
          ['q_reason', 'Nopea toimitus'],
        ]).toString(),
      });
      expect(done.statusCode).toBe(200);
      const [invitation] = await invitations(survey.id);
      expect(invitation).toMatchObject({ status: 'responded' });
      const response = (
        await owner.browser.request({
          method: 'GET',
          url: `${base}/responses?surveyId=${survey.id}`,
        })
      ).json<{ items: { source: string; channel: string; answers: object }[] }>().items[0];
      expect(response).toMatchObject({
        source: 'email',
        channel: 'email',
        answers: { csat: 5, reason: 'Nopea toimitus' },
      });
      const again = await t.app.inject({ method: 'GET', url: path });
      expect(again.statusCode).toBe(410);
      expect(again.body).toContain('Olet jo vastannut');
      const forged = await t.app.inject({
        method: 'GET',
        url: `${path.split('?')[0]}?i=not-a-real-invitation-token`,
      });
      expect(forged.statusCode).toBe(404);
    });

    it('waits for the scheduled time', async () => {
      const survey = await publishedSurvey('Myöhemmin');
      await post(`${base}/surveys/${survey.id}/invitations`, {
        recipients: [{ email: 'later@example.com' }],
        sendAt: Date.now() + DAY,
      });
      await t.runtime.worker.drain();
      expect(await mailsTo('later@example.com')).toHaveLength(0);
      expect((await invitations(survey.id))[0]?.status).toBe('scheduled');
      await t.runtime.worker.drain(() => Date.now() + DAY + 60_000);
      expect(await mailsTo('later@example.com')).toHaveLength(1);
    });

    it('honours the contact-frequency limit across surveys and says why someone was not asked', async () => {
      await owner.browser.request({
        method: 'PATCH',
        url: base,
        payload: { contactLimitDays: 30 },
      });
      const first = await publishedSurvey('Ensimmäinen');
      const second = await publishedSurvey('Toinen');
      await post(`${base}/surveys/${first.id}/invitations`, {
        recipients: [{ email: 'often@example.com' }],
      });
      await t.runtime.worker.drain();
      const res = await post(`${base}/surveys/${second.id}/invitations`, {
        recipients: [{ email: 'often@example.com' }],
      });
      expect(res.json<{ notInvited: { reason: string }[] }>().notInvited[0]?.reason).toMatch(
        /^asked on \d{4}-\d{2}-\d{2}; the limit is one survey per 30 days$/,
      );
      expect((await invitations(second.id))[0]).toMatchObject({ status: 'suppressed' });
      await owner.browser.request({
        method: 'PATCH',
        url: base,
        payload: { contactLimitDays: null },
      });
    });

    it('unsubscribes from every survey of the workspace through a confirming page', async () => {
      const survey = await publishedSurvey('Peruttava');
      await post(`${base}/surveys/${survey.id}/invitations`, {
        recipients: [{ email: 'bye@example.com', language: 'fi' }],
      });
      await t.runtime.worker.drain();
      const [mail] = await mailsTo('bye@example.com');
      const path = /\/u\/[A-Za-z0-9_-]+/.exec(mail!.text)![0];
      const ask = await t.app.inject({ method: 'GET', url: path });
      expect(ask.body).toContain('<form method="post">');
      expect(ask.body).toContain('bye@example.com');
      expect((await invitations(survey.id))[0]?.status).toBe('sent'); // looking is not unsubscribing
      const done = await t.app.inject({ method: 'POST', url: path });
      expect(done.body).toContain('ei lähetä sinulle (bye@example.com) enää palautekyselyjä');
      expect((await invitations(survey.id))[0]?.status).toBe('unsubscribed');
      const other = await publishedSurvey('Seuraava');
      const res = await post(`${base}/surveys/${other.id}/invitations`, {
        recipients: [{ email: 'bye@example.com' }],
      });
      expect(res.json()).toEqual({
        scheduled: 0,
        notInvited: [{ email: 'bye@example.com', reason: 'unsubscribed' }],
      });
      expect(
        (await t.app.inject({ method: 'GET', url: '/u/not-a-real-token-at-all' })).statusCode,
      ).toBe(404);
    });

    it('refuses invitations to a survey that is not published', async () => {
      const draft = (
        await post(`${base}/surveys`, { name: 'Luonnos', template: 'nps' })
      ).json<Survey>();
      const res = await post(`${base}/surveys/${draft.id}/invitations`, {
        recipients: [{ email: 'x@example.com' }],
      });
      expect(res.json()).toMatchObject({ error: { code: 'SURVEY_NOT_OPEN' } });
    });
  });
}
