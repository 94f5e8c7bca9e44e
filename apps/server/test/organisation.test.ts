import type { Workspace } from '@polku/contracts';
import { surveyDefinitionSchema } from '@polku/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccount, startTestApp, type TestApp } from './support/app.js';
import { testDialects } from './support/databases.js';
import { threePages } from './support/respondent.js';

for (const dialect of testDialects()) {
  describe(`the organisation on respondent pages (${dialect.name})`, () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await startTestApp(dialect);
    });
    afterAll(() => t?.close());

    /** A published survey of the account's workspace with one open link: its token. */
    async function publishSurvey(workspaceId: string, userId: string): Promise<string> {
      const workspace = (await t.runtime.store.workspaces.findById(workspaceId))!;
      const ctx = {
        workspace,
        actor: { kind: 'user' as const, userId, role: 'owner' as const },
        ip: null,
      };
      const s = t.runtime.services.surveys;
      const survey = await s.create(ctx, {
        name: 'Palaute',
        purpose: 'transactional',
        touchpointId: null,
        languages: ['fi', 'sv', 'en'],
        defaultLanguage: 'fi',
      });
      await s.update(ctx, survey.id, { draft: surveyDefinitionSchema.parse(threePages) });
      await s.publish(ctx, survey.id);
      const link = await s.createLink(ctx, survey.id, {
        name: 'Web',
        channel: 'web',
        touchpointId: null,
      });
      return link.token;
    }

    it('keeps the organisation name and privacy notice set in the workspace settings', async () => {
      const a = await createAccount(t);
      const url = `/api/v1/workspaces/${a.workspaceId}`;
      const before = (await a.browser.request({ method: 'GET', url })).json<Workspace>();
      expect(before).toMatchObject({ organisationName: null, privacyNoticeUrl: null });
      const res = await a.browser.request({
        method: 'PATCH',
        url,
        payload: {
          organisationName: '  Kukkakauppa Aurinko Oy ',
          privacyNoticeUrl: 'https://aurinko.example.fi/tietosuoja',
        },
      });
      expect(res.statusCode).toBe(200);
      expect(res.json<Workspace>()).toMatchObject({
        organisationName: 'Kukkakauppa Aurinko Oy',
        privacyNoticeUrl: 'https://aurinko.example.fi/tietosuoja',
      });
      expect((await a.browser.request({ method: 'GET', url })).json<Workspace>()).toMatchObject({
        organisationName: 'Kukkakauppa Aurinko Oy',
        privacyNoticeUrl: 'https://aurinko.example.fi/tietosuoja',
      });
    });

    it('refuses a privacy notice that is not a web address, and changes nothing', async () => {
      const a = await createAccount(t);
      const url = `/api/v1/workspaces/${a.workspaceId}`;
      for (const bad of [
        'javascript:alert(1)',
        'tietosuoja.html',
        'ftp://example.fi/x',
        'https://',
        '',
      ]) {
        const res = await a.browser.request({
          method: 'PATCH',
          url,
          payload: { organisationName: 'Uusi nimi', privacyNoticeUrl: bad },
        });
        expect(res.statusCode, bad).toBe(400);
        expect(res.json()).toMatchObject({ error: { code: 'VALIDATION_FAILED' } });
      }
      expect((await a.browser.request({ method: 'GET', url })).json<Workspace>()).toMatchObject({
        organisationName: null,
        privacyNoticeUrl: null,
      });
    });

    it('names the organisation and links its privacy notice on the survey page in every language, and nothing else of the workspace', async () => {
      const a = await createAccount(t);
      const token = await publishSurvey(a.workspaceId, a.userId);
      const plain = await t.app.inject({ method: 'GET', url: `/s/${token}` });
      expect(plain.body).not.toContain('<footer');

      await a.browser.request({
        method: 'PATCH',
        url: `/api/v1/workspaces/${a.workspaceId}`,
        payload: {
          organisationName: 'Aurinko & Kumpp. Oy',
          privacyNoticeUrl: 'https://aurinko.example.fi/tietosuoja?kieli=fi&v=2',
        },
      });
      const fi = await t.app.inject({ method: 'GET', url: `/s/${token}` });
      expect(fi.body).toContain(
        '<footer class="org"><p>Kyselyn tekijä: Aurinko &amp; Kumpp. Oy</p>',
      );
      expect(fi.body).toContain(
        '<a href="https://aurinko.example.fi/tietosuoja?kieli=fi&amp;v=2" rel="noopener">Tietosuojaseloste</a>',
      );
      expect(fi.body).not.toContain('Workspace of');
      expect(fi.body).not.toContain(a.workspaceId);
      const sv = await t.app.inject({ method: 'GET', url: `/s/${token}?lang=sv` });
      expect(sv.body).toContain('Enkäten görs av Aurinko &amp; Kumpp. Oy');
      expect(sv.body).toContain('>Dataskyddsbeskrivning</a>');
      const en = await t.app.inject({ method: 'GET', url: `/s/${token}?lang=en` });
      expect(en.body).toContain('>Privacy notice</a>');

      // Cleared again: the footer goes with it.
      await a.browser.request({
        method: 'PATCH',
        url: `/api/v1/workspaces/${a.workspaceId}`,
        payload: { organisationName: null, privacyNoticeUrl: null },
      });
      expect((await t.app.inject({ method: 'GET', url: `/s/${token}` })).body).not.toContain(
        '<footer',
      );
    });
  });
}
