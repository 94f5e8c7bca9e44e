import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import type { SurveyLink } from '@polku/contracts';
import type { WorkspaceContext } from '@polku/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccount, startTestApp, type TestApp } from './support/app.js';
import { testDialects } from './support/databases.js';

const widgetDir = fileURLToPath(new URL('../../widget/', import.meta.url));
const script = join(widgetDir, 'dist', 'polku-widget.js');

function newestSource(dir: string): number {
  return Math.max(
    ...readdirSync(dir, { withFileTypes: true }).map((e) =>
      e.isDirectory() ? newestSource(join(dir, e.name)) : statSync(join(dir, e.name)).mtimeMs,
    ),
  );
}

/** Builds the widget when its bundle is missing or older than its sources. */
function ensureWidgetBuilt(): void {
  if (existsSync(script) && statSync(script).mtimeMs >= newestSource(join(widgetDir, 'src')))
    return;
  execFileSync(process.execPath, [join(widgetDir, 'build.mjs')], { stdio: 'pipe' });
}

describe('the widget bundle', () => {
  beforeAll(ensureWidgetBuilt, 60_000);

  it('stays within its size budget of 10 KB gzipped', () => {
    const gzipped = gzipSync(readFileSync(script), { level: 9 }).length;
    expect(gzipped).toBeLessThanOrEqual(10_240);
  });

  it('bundles no zod and no other package code: types only from the contracts', () => {
    const body = readFileSync(script, 'utf8');
    expect(body).not.toMatch(/ZodError|\$ZodType/);
    expect(body.startsWith('"use strict";(()=>{')).toBe(true);
  });
});

for (const dialect of testDialects()) {
  describe(`widget endpoints on ${dialect.name}`, () => {
    let t: TestApp;
    let ctx: WorkspaceContext;
    let link: SurveyLink;
    let surveyId: string;
    let n = 0;
    const ip = () => `10.77.${Math.floor(++n / 250)}.${n % 250}`;

    const get = (url: string, headers: Record<string, string> = {}) =>
      t.app.inject({ method: 'GET', url, headers, remoteAddress: ip() });
    const post = (payload: object, token = link.token, remoteAddress = ip()) =>
      t.app.inject({
        method: 'POST',
        url: `/w/${token}/responses`,
        headers: { origin: 'https://kauppa.example' },
        payload,
        remoteAddress,
      });
    const uuid = () => crypto.randomUUID();
    const stored = (id: string) => t.runtime.services.responses.get(ctx, id).catch(() => null);

    /** A published NPS survey (nps required, reason optional) and a widget link to it. */
    async function publishedLink(): Promise<{ surveyId: string; link: SurveyLink }> {
      const survey = await t.runtime.services.surveys.create(ctx, {
        name: 'Verkkokaupan palaute',
        purpose: 'transactional',
        touchpointId: null,
        template: 'nps',
        languages: ['fi', 'sv', 'en'],
        defaultLanguage: 'fi',
      });
      await t.runtime.services.surveys.publish(ctx, survey.id);
      const l = await t.runtime.services.surveys.createLink(ctx, survey.id, {
        name: 'Kassasivu',
        channel: 'widget',
        touchpointId: null,
      });
      return { surveyId: survey.id, link: l };
    }

    beforeAll(async () => {
      ensureWidgetBuilt();
      t = await startTestApp(dialect);
      const owner = await createAccount(t);
      const workspace = (await t.runtime.store.workspaces.findById(owner.workspaceId))!;
      ctx = { workspace, actor: { kind: 'user', userId: owner.userId, role: 'owner' }, ip: null };
      ({ surveyId, link } = await publishedLink());
    });
    afterAll(() => t.close());

    it('serves the published survey of a link to any origin, without credentials', async () => {
      const res = await get(`/w/${link.token}/survey.json`, { origin: 'https://kauppa.example' });
      expect(res.statusCode).toBe(200);
      expect(res.headers['access-control-allow-origin']).toBe('*');
      expect(res.headers['access-control-allow-credentials']).toBeUndefined();
      expect(res.headers['set-cookie']).toBeUndefined();
      expect(res.headers['cache-control']).toBe('public, max-age=60');
      const body = res.json<Record<string, unknown>>();
      expect(body).toMatchObject({
        token: link.token,
        surveyId,
        version: 1,
        channel: 'widget',
        languages: ['fi', 'sv', 'en'],
        defaultLanguage: 'fi',
        url: `http://polku.test/s/${link.token}`,
        title: { fi: 'Suosittelukysely' },
      });
      expect(
        (body.questions as { key: string; type: string }[]).map((q) => [q.key, q.type]),
      ).toEqual([
        ['nps', 'nps'],
        ['reason', 'text'],
      ]);
      expect(JSON.stringify(body.thankYou)).toContain('Kiitos vastauksestasi!');
    });

    it('answers an unknown token or a survey never published with NOT_FOUND, readable cross-origin', async () => {
      const unknown = await get('/w/eiolemassa12/survey.json');
      expect(unknown.statusCode).toBe(404);
      expect(unknown.json()).toMatchObject({ error: { code: 'NOT_FOUND' } });
      expect(unknown.headers['access-control-allow-origin']).toBe('*');

      const draft = await t.runtime.services.surveys.create(ctx, {
        name: 'Luonnos',
        purpose: 'transactional',
        touchpointId: null,
        template: 'csat',
        languages: ['fi'],
        defaultLanguage: 'fi',
      });
      const draftLink = await t.runtime.services.surveys.createLink(ctx, draft.id, {
        name: 'Luonnos',
        channel: 'widget',
        touchpointId: null,
      });
      expect((await get(`/w/${draftLink.token}/survey.json`)).statusCode).toBe(404);
      const res = await post({ id: uuid(), answers: { csat: 5 } }, draftLink.token);
      expect(res.statusCode).toBe(404);
    });

    it('answers a closed link or a closed survey with SURVEY_NOT_OPEN and stores nothing', async () => {
      const a = await publishedLink();
      await t.runtime.services.surveys.closeLink(ctx, a.surveyId, a.link.id);
      const b = await publishedLink();
      await t.runtime.services.surveys.close(ctx, b.surveyId);
      for (const token of [a.link.token, b.link.token]) {
        const read = await get(`/w/${token}/survey.json`);
        expect(read.statusCode).toBe(409);
        expect(read.json()).toMatchObject({ error: { code: 'SURVEY_NOT_OPEN' } });
        const id = uuid();
        const write = await post({ id, answers: { nps: 9 } }, token);
        expect(write.json()).toMatchObject({ error: { code: 'SURVEY_NOT_OPEN' } });
        expect(await stored(id)).toBeNull();
      }
    });

    it('answers the CORS preflight of a JSON post', async () => {
      const res = await t.app.inject({
        method: 'OPTIONS',
        url: `/w/${link.token}/responses`,
        headers: {
          origin: 'https://kauppa.example',
          'access-control-request-method': 'POST',
          'access-control-request-headers': 'content-type',
        },
      });
      expect(res.statusCode).toBe(204);
      expect(res.headers).toMatchObject({
        'access-control-allow-origin': '*',
        'access-control-allow-methods': 'POST',
        'access-control-allow-headers': 'content-type',
      });
    });

    it('stores a widget response once, however many times the widget retries it', async () => {
      const id = uuid();
      const payload = {
        id,
        version: 1,
        language: 'sv',
        answers: { nps: 9, reason: 'Snabb leverans' },
      };
      const first = await post(payload);
      expect(first.statusCode).toBe(201);
      expect(first.json()).toEqual({ id, created: true });
      expect(first.headers['access-control-allow-origin']).toBe('*');
      const retry = await post(payload);
      expect(retry.statusCode).toBe(201);
      expect(retry.json()).toEqual({ id, created: false });

      expect(await stored(id)).toMatchObject({
        id,
        surveyId,
        version: 1,
        source: 'widget',
        channel: 'widget',
        linkId: link.id,
        language: 'sv',
        status: 'complete',
        answers: { nps: 9, reason: 'Snabb leverans' },
      });
      const rows = await t.runtime.database.db
        .selectFrom('responses')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('id', '=', id)
        .executeTakeFirstOrThrow();
      expect(Number(rows.n)).toBe(1);
    });

    it('pretends to store what a bot sends through the honeypot, and stores nothing', async () => {
      const id = uuid();
      const res = await post({ id, answers: { nps: 10 }, website: 'https://spam.example' });
      expect(res.statusCode).toBe(201);
      expect(res.json()).toEqual({ id, created: true });
      expect(await stored(id)).toBeNull();
    });

    it('refuses answers that do not fit the survey, naming each, in the catalog error shape', async () => {
      const outOfRange = await post({ id: uuid(), answers: { nps: 11 } });
      expect(outOfRange.statusCode).toBe(400);
      expect(outOfRange.json()).toMatchObject({
        error: { code: 'VALIDATION_FAILED', details: [{ path: 'body.answers.nps' }] },
      });
      const missing = await post({ id: uuid(), answers: { reason: 'Ei numeroa' } });
      expect(missing.json()).toMatchObject({
        error: {
          code: 'VALIDATION_FAILED',
          details: [{ path: 'body.answers.nps', message: 'required' }],
        },
      });
      const noId = await post({ answers: { nps: 5 } });
      expect(noId.statusCode).toBe(400);
      expect(noId.json()).toMatchObject({ error: { code: 'VALIDATION_FAILED' } });
      const badLanguage = await post({ id: uuid(), language: 'de', answers: { nps: 5 } });
      expect(badLanguage.json()).toMatchObject({ error: { code: 'VALIDATION_FAILED' } });
    });

    it('limits posts per address and link, and says so in a way the widget can read', async () => {
      const from = '10.200.0.1';
      const codes: number[] = [];
      for (let i = 0; i < 21; i++)
        codes.push((await post({ answers: {} }, link.token, from)).statusCode);
      expect(codes.slice(0, 20).every((c) => c === 400)).toBe(true);
      const limited = await post({ answers: {} }, link.token, from);
      expect(limited.statusCode).toBe(429);
      expect(limited.json()).toMatchObject({ error: { code: 'RATE_LIMITED' } });
      expect(limited.headers['access-control-allow-origin']).toBe('*');
      // Another person, or the same person on another link, is not held back.
      expect((await post({ answers: {} }, link.token, '10.200.0.2')).statusCode).toBe(400);
      const other = await publishedLink();
      expect((await post({ answers: {} }, other.link.token, from)).statusCode).toBe(400);
    });

    it('lets an identified visitor be prompted once within the contact limit, and never after unsubscribing', async () => {
      const prompt = (respondent: string) =>
        t.app.inject({
          method: 'POST',
          url: `/w/${link.token}/prompt`,
          headers: { origin: 'https://kauppa.example' },
          payload: { respondent },
          remoteAddress: ip(),
        });
      await t.runtime.store.workspaces.update(ctx.workspace.id, { contactLimitDays: 30 });
      const first = await prompt('Visitor@Example.com');
      expect(first.json()).toEqual({ ask: true, reason: null });
      expect(first.headers['access-control-allow-origin']).toBe('*');
      expect((await prompt('visitor@example.com')).json()).toEqual({
        ask: false,
        reason: 'contact_limit',
      });
      await t.runtime.store.distribution.addUnsubscribe(
        ctx.workspace.id,
        'gone@example.com',
        Date.now(),
      );
      expect((await prompt('gone@example.com')).json()).toEqual({
        ask: false,
        reason: 'unsubscribed',
      });
      expect((await prompt('not an email')).statusCode).toBe(400);
      await t.runtime.store.workspaces.update(ctx.workspace.id, { contactLimitDays: null });
    });

    it('describes its endpoints in OpenAPI', async () => {
      const doc = (await get('/api/openapi.json')).json<{
        paths: Record<string, Record<string, { operationId: string }>>;
      }>();
      expect(doc.paths['/w/{token}/survey.json']?.get?.operationId).toBe('getWidgetSurvey');
      expect(doc.paths['/w/{token}/responses']?.post?.operationId).toBe('submitWidgetResponse');
      expect(doc.paths['/widget.js']?.get?.operationId).toBe('getWidgetScript');
    });

    it('serves the widget script to any site, cacheable for an hour and revalidated by ETag', async () => {
      const res = await get('/widget.js');
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toBe('text/javascript; charset=utf-8');
      expect(res.headers['cache-control']).toBe('public, max-age=3600');
      expect(res.headers['access-control-allow-origin']).toBe('*');
      expect(res.body).toBe(readFileSync(script, 'utf8'));
      const etag = res.headers.etag as string;
      expect(etag).toMatch(/^"[\w-]{22}"$/);
      const again = await get('/widget.js', { 'if-none-match': etag });
      expect(again.statusCode).toBe(304);
      expect(again.body).toBe('');
    });
  });
}
