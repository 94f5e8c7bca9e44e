import type { ResponseAttributeKeys, Survey } from '@polku/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccount, startTestApp, type Account, type TestApp } from './support/app.js';
import { testDialects } from './support/databases.js';

const definition = {
  languages: ['fi'],
  defaultLanguage: 'fi',
  title: { fi: 'Attribuutit' },
  questions: [{ key: 'nps', type: 'nps', text: { fi: 'Suosittelisitko?' } }],
  thankYou: { message: { fi: 'Kiitos' } },
};

// The pickers of the explorer and the target form offer the attribute keys and values the
// workspace's responses carry, the most common first, and nothing of another workspace's.
for (const dialect of testDialects()) {
  describe(`the attribute keys and values responses carry (${dialect.name})`, () => {
    let t: TestApp;
    let owner: Account;
    let stranger: Account;
    const url = (a: Account) => `/api/v1/workspaces/${a.workspaceId}/response-attributes`;

    beforeAll(async () => {
      t = await startTestApp(dialect);
      owner = await createAccount(t);
      stranger = await createAccount(t, 'stranger');
      const base = `/api/v1/workspaces/${owner.workspaceId}`;
      const req = (method: string, path: string, payload?: object) =>
        owner.browser.request({ method, url: `${base}${path}`, ...(payload ? { payload } : {}) });
      const survey = (await req('POST', '/surveys', { name: 'Attribuutit' })).json<Survey>();
      await req('PATCH', `/surveys/${survey.id}`, { draft: definition });
      await req('POST', `/surveys/${survey.id}/publish`);
      const attrs = [
        { region: 'Uusimaa', tier: 'gold' },
        { region: 'Uusimaa', tier: 'basic' },
        { region: 'Pirkanmaa', tier: 'gold' },
        { region: 'Uusimaa' },
        {},
      ];
      const batch = await req('POST', '/responses/batch', {
        responses: attrs.map((attributes, i) => ({
          surveyId: survey.id,
          answers: { nps: i },
          ...(Object.keys(attributes).length > 0 && { attributes }),
        })),
      });
      expect(batch.statusCode, batch.body).toBe(201);
    });
    afterAll(() => t?.close());

    it('lists each key with its values, the most common first, and how many responses carry it', async () => {
      const res = await owner.browser.request({ method: 'GET', url: url(owner) });
      expect(res.statusCode).toBe(200);
      expect(res.json<ResponseAttributeKeys>().items).toEqual([
        {
          key: 'region',
          count: 4,
          values: [
            { value: 'Uusimaa', count: 3 },
            { value: 'Pirkanmaa', count: 1 },
          ],
          truncated: false,
        },
        {
          key: 'tier',
          count: 3,
          values: [
            { value: 'gold', count: 2 },
            { value: 'basic', count: 1 },
          ],
          truncated: false,
        },
      ]);
    });

    it('shows another workspace nothing of them, and its members no door into this one', async () => {
      const own = await stranger.browser.request({ method: 'GET', url: url(stranger) });
      expect(own.json<ResponseAttributeKeys>().items).toEqual([]);
      const other = await stranger.browser.request({ method: 'GET', url: url(owner) });
      expect(other.statusCode).toBe(404);
    });
  });
}
