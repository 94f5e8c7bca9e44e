import { connect } from 'node:net';
import type { AddressInfo } from 'node:net';
import { DAY } from '@polku/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccount, startTestApp, type Account, type TestApp } from './support/app.js';
import { testDialects } from './support/databases.js';
import { everyType, form, hidden } from './support/respondent.js';

/** Writes raw bytes to a listening server and reads its whole answer (Node's own parser runs). */
function rawRequest(port: number, head: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    socket.on('data', (c: Buffer) => chunks.push(c));
    socket.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    socket.on('error', (e: NodeJS.ErrnoException) =>
      // The server may close while we still write: what it answered first is what counts.
      e.code === 'ECONNRESET' || e.code === 'EPIPE'
        ? resolve(Buffer.concat(chunks).toString('utf8'))
        : reject(e),
    );
    socket.write(head);
  });
}

const statusOf = (raw: string) => Number(/^HTTP\/1\.1 (\d{3})/.exec(raw)?.[1]);
const bodyOf = (raw: string) => JSON.parse(raw.slice(raw.indexOf('\r\n\r\n') + 4)) as unknown;

for (const dialect of testDialects()) {
  describe(`every input stored exactly or refused, on ${dialect.name}`, () => {
    let t: TestApp;
    let owner: Account;
    let base: string;
    let surveyId: string;
    let linkToken: string;
    let apiKey: string;

    const api = (method: string, url: string, payload?: unknown, headers = {}) =>
      t.app.inject({
        method: method as 'GET',
        url,
        headers: { authorization: `Bearer ${apiKey}`, ...headers },
        ...(payload !== undefined && { payload: payload as string }),
      });
    const rowsOf = async (table: 'responses' | 'customerEvents') =>
      Number(
        (
          await t.runtime.database.db
            .selectFrom(table)
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const responseCount = () => rowsOf('responses');
    const eventCount = () => rowsOf('customerEvents');

    beforeAll(async () => {
      t = await startTestApp(dialect, { POLKU_RATE_LIMIT: 'false' });
      owner = await createAccount(t);
      base = `/api/v1/workspaces/${owner.workspaceId}`;
      const call = async <T>(method: string, url: string, payload?: object) =>
        (await owner.browser.request({ method, url, ...(payload && { payload }) })).json<T>();
      apiKey = (
        await call<{ secret: string }>('POST', `${base}/api-keys`, {
          name: 'Kassajärjestelmä',
          scopes: ['responses.write', 'responses.read', 'events.write', 'surveys.read'],
        })
      ).secret;
      surveyId = (
        await call<{ id: string }>('POST', `${base}/surveys`, {
          name: 'Kaikki kysymykset',
          purpose: 'transactional',
          touchpointId: null,
          languages: ['fi', 'sv', 'en'],
          defaultLanguage: 'fi',
        })
      ).id;
      await call('PATCH', `${base}/surveys/${surveyId}`, { draft: everyType });
      await call('POST', `${base}/surveys/${surveyId}/publish`);
      linkToken = (
        await call<{ token: string }>('POST', `${base}/surveys/${surveyId}/links`, {
          name: 'Verkko',
          channel: 'web',
          touchpointId: null,
        })
      ).token;
    });
    afterAll(() => t?.close());

    describe('text that cannot be stored exactly', () => {
      it('refuses a NUL character in an open-text answer, naming the field, and stores nothing', async () => {
        const before = await responseCount();
        const res = await api('POST', `${base}/responses`, {
          surveyId,
          answers: { nps: 9, words: 'hyvä\u0000palvelu' },
        });
        expect(res.statusCode).toBe(400);
        expect(res.json()).toEqual({
          error: {
            code: 'VALIDATION_FAILED',
            message: 'The request is not valid.',
            details: [
              {
                path: 'body.answers.words',
                message: 'contains a NUL character (U+0000), which cannot be stored',
              },
            ],
          },
        });
        expect(await responseCount()).toBe(before);
      });

      it('refuses an unpaired surrogate instead of storing U+FFFD in its place', async () => {
        const before = await responseCount();
        const res = await api(
          'POST',
          `${base}/responses`,
          `{"surveyId":"${surveyId}","answers":{"words":"half \\ud83d an emoji"}}`,
          { 'content-type': 'application/json' },
        );
        expect(res.statusCode).toBe(400);
        expect(res.json<{ error: { details: unknown } }>().error.details).toEqual([
          {
            path: 'body.answers.words',
            message: 'contains an unpaired surrogate, which is not valid Unicode',
          },
        ]);
        expect(await responseCount()).toBe(before);
      });

      it('stores a whole emoji and other control characters exactly as sent', async () => {
        const words = 'Kukat \ud83c\udf37 saapuivat\ttänään';
        const res = await api('POST', `${base}/responses`, { surveyId, answers: { words } });
        expect(res.statusCode).toBe(201);
        const stored = await api('GET', `${base}/responses/${res.json<{ id: string }>().id}`);
        expect(stored.json<{ answers: object }>().answers).toEqual({ words });
      });

      it('refuses a NUL in a field name, a query parameter and a path parameter', async () => {
        const key = await api('POST', `${base}/responses`, {
          surveyId,
          answers: { 'words\u0000': 'x' },
        });
        expect(key.json()).toMatchObject({
          error: { code: 'VALIDATION_FAILED', details: [{ path: 'body.answers' }] },
        });
        const query = await api('GET', `${base}/responses?channel=web%00`);
        expect(query.statusCode).toBe(400);
        expect(query.json()).toMatchObject({
          error: { details: [{ path: 'querystring.channel' }] },
        });
        const param = await t.app.inject({
          method: 'GET',
          url: `/api/v1/invitations/${'a'.repeat(20)}%00`,
        });
        expect(param.statusCode).toBe(400);
        expect(param.json()).toMatchObject({ error: { details: [{ path: 'params.token' }] } });
      });

      it('refuses a body whose bytes are not UTF-8', async () => {
        const before = await responseCount();
        const body = Buffer.concat([
          Buffer.from(`{"surveyId":"${surveyId}","answers":{"words":"caf`),
          Buffer.from([0xe9]), // é in Latin-1
          Buffer.from('"}}'),
        ]);
        const res = await api('POST', `${base}/responses`, body, {
          'content-type': 'application/json',
        });
        expect(res.statusCode).toBe(400);
        expect(res.json()).toEqual({
          error: { code: 'BAD_REQUEST', message: 'The body is not valid UTF-8 text.' },
        });
        expect(await responseCount()).toBe(before);
      });

      it('refuses a NUL in a widget answer with the error format', async () => {
        const before = await responseCount();
        const res = await t.app.inject({
          method: 'POST',
          url: `/w/${linkToken}/responses`,
          payload: { id: crypto.randomUUID(), answers: { nps: 8, words: 'ok\u0000' } },
        });
        expect(res.statusCode).toBe(400);
        expect(res.json()).toMatchObject({
          error: { code: 'VALIDATION_FAILED', details: [{ path: 'body.answers.words' }] },
        });
        expect(await responseCount()).toBe(before);
      });

      it("answers a respondent page's unreadable post with a plain page in the respondent's language", async () => {
        const before = await responseCount();
        const page = await t.app.inject({ method: 'GET', url: `/s/${linkToken}` });
        const state = ['_rid', '_v', '_lang'].map((n) => `${n}=${hidden(page.body, n)}`).join('&');
        for (const words of ['hyv%C3%A4%00', 'caf%E9', 'half%ED%A0%BDemoji']) {
          const res = await t.app.inject({
            method: 'POST',
            url: `/s/${linkToken}`,
            headers: { 'content-type': form, 'accept-language': 'sv-FI,sv;q=0.9' },
            payload: `${state}&_page=2&_action=next&q_words=${words}`,
          });
          expect(res.statusCode, words).toBe(400);
          expect(res.headers['content-type']).toContain('text/html');
          expect(res.body).toContain('<html lang="sv"');
          expect(res.body).toContain('Det som skickades kunde inte läsas');
          expect(res.body).not.toContain(words);
        }
        expect(await responseCount()).toBe(before);
      });

      it('answers a personal link whose ?i= holds a NUL, or is given twice, with the same page', async () => {
        for (const query of ['i=%00', 'i=abc&i=def', 'lang=fi&lang=en']) {
          const res = await t.app.inject({
            method: 'GET',
            url: `/s/${linkToken}?${query}`,
            headers: { 'accept-language': 'en' },
          });
          expect(res.statusCode, query).toBe(400);
          expect(res.body, query).toContain('What was sent could not be read');
        }
      });

      it('answers an unsubscribe link holding a NUL with a page, not JSON', async () => {
        const res = await t.app.inject({
          method: 'GET',
          url: `/u/${'a'.repeat(20)}%00`,
          headers: { 'accept-language': 'en' },
        });
        expect(res.statusCode).toBe(400);
        expect(res.headers['content-type']).toContain('text/html');
        expect(res.body).toContain('This link is not valid.');
      });
    });

    describe('numbers and instants within range', () => {
      it('refuses survey versions a database integer cannot hold, in a body, the widget and a path', async () => {
        const body = await api('POST', `${base}/responses`, {
          surveyId,
          version: 2 ** 31,
          answers: { nps: 9 },
        });
        expect(body.json()).toMatchObject({
          error: { code: 'VALIDATION_FAILED', details: [{ path: 'body.version' }] },
        });
        const widget = await t.app.inject({
          method: 'POST',
          url: `/w/${linkToken}/responses`,
          payload: { id: crypto.randomUUID(), version: 2 ** 31, answers: { nps: 9 } },
        });
        expect(widget.statusCode).toBe(400);
        const path = await api('GET', `${base}/surveys/${surveyId}/versions/2147483648`);
        expect(path.json()).toMatchObject({ error: { details: [{ path: 'params.version' }] } });
        const largest = await api('GET', `${base}/surveys/${surveyId}/versions/2147483647`);
        expect(largest.statusCode).toBe(404);
      });

      it("answers the published version when a page's _v is beyond any version", async () => {
        const page = await t.app.inject({ method: 'GET', url: `/s/${linkToken}` });
        const rid = hidden(page.body, '_rid');
        const res = await t.app.inject({
          method: 'POST',
          url: `/s/${linkToken}`,
          headers: { 'content-type': form },
          payload: `_rid=${rid}&_page=0&_v=2147483648&_lang=fi&_action=next&q_nps=9`,
        });
        expect(res.statusCode).toBe(200);
        expect(hidden(res.body, '_v')).toBe('1');
        const stored = await api('GET', `${base}/responses/${rid}`);
        expect(stored.json()).toMatchObject({ version: 1, status: 'partial', answers: { nps: 9 } });
      });

      it('refuses instants past year 9999 or the JavaScript date range', async () => {
        const before = await responseCount();
        for (const submittedAt of [Date.UTC(10000, 0, 1), 8.64e15 + 1, -1, 1e308]) {
          const res = await api('POST', `${base}/responses`, {
            surveyId,
            submittedAt,
            answers: { nps: 9 },
          });
          const { error } = res.json<{ error: { code: string; details: { path: string }[] } }>();
          expect(res.statusCode, String(submittedAt)).toBe(400);
          expect(error.code).toBe('VALIDATION_FAILED');
          expect(new Set(error.details.map((d) => d.path))).toEqual(new Set(['body.submittedAt']));
        }
        expect(await responseCount()).toBe(before);
      });

      it('takes a response dated up to a day ahead (a fast clock) and refuses one dated later', async () => {
        const soon = Date.now() + DAY - 60_000;
        const ok = await api('POST', `${base}/responses`, {
          surveyId,
          submittedAt: soon,
          answers: { nps: 10 },
        });
        expect(ok.statusCode).toBe(201);
        const stored = await api('GET', `${base}/responses/${ok.json<{ id: string }>().id}`);
        expect(stored.json<{ submittedAt: number }>().submittedAt).toBe(soon);

        const late = await api('POST', `${base}/responses`, {
          surveyId,
          submittedAt: Date.now() + 2 * DAY,
          answers: { nps: 10 },
        });
        expect(late.statusCode).toBe(400);
        expect(late.json()).toMatchObject({
          error: {
            code: 'VALIDATION_FAILED',
            details: [
              {
                path: 'body.submittedAt',
                message: expect.stringMatching(/one day after/) as string,
              },
            ],
          },
        });
      });

      it('refuses a whole batch of responses when one is dated too far ahead', async () => {
        const before = await responseCount();
        const res = await api('POST', `${base}/responses/batch`, {
          responses: [
            { surveyId, answers: { nps: 7 } },
            { surveyId, submittedAt: Date.now() + 3 * DAY, answers: { nps: 8 } },
          ],
        });
        expect(res.statusCode).toBe(400);
        expect(res.json()).toMatchObject({
          error: { details: [{ path: 'body.responses.1.submittedAt' }] },
        });
        expect(await responseCount()).toBe(before);
      });

      it('refuses an event dated more than a day ahead, in one event and in a batch', async () => {
        const before = await eventCount();
        const event = { customerRef: 'asiakas-7', type: 'purchase' };
        const one = await api('POST', `${base}/events`, {
          ...event,
          occurredAt: Date.now() + 2 * DAY,
        });
        expect(one.json()).toMatchObject({
          error: { code: 'VALIDATION_FAILED', details: [{ path: 'body.occurredAt' }] },
        });
        const batch = await api('POST', `${base}/events/batch`, {
          events: [event, { ...event, occurredAt: Date.UTC(10000, 0, 1) }],
        });
        expect(batch.json()).toMatchObject({
          error: { details: [{ path: 'body.events.1.occurredAt' }] },
        });
        expect(await eventCount()).toBe(before);
        const yesterday = await api('POST', `${base}/events`, {
          ...event,
          occurredAt: Date.now() - DAY,
        });
        expect(yesterday.statusCode).toBe(201);
      });

      it('lays out metric buckets from the first answered year to this one, and refuses a period too long to lay out', async () => {
        await api('POST', `${base}/responses`, { surveyId, submittedAt: 0, answers: { nps: 3 } });
        const byYear = await api('POST', `${base}/metrics/query`, {
          metric: { kind: 'nps' },
          by: 'year',
        });
        const years = byYear
          .json<{ groups: { buckets: { bucket: string }[] }[] }>()
          .groups[0]!.buckets.map((b) => b.bucket);
        const thisYear = new Date().getFullYear();
        expect(years[0]).toBe('1970');
        expect(years.at(-1)).toMatch(new RegExp(`^(${thisYear}|${thisYear + 1})$`));
        expect(years.length).toBeLessThanOrEqual(thisYear - 1970 + 2);

        const tooLong = await api('POST', `${base}/metrics/query`, {
          metric: { kind: 'nps' },
          by: 'day',
          from: '1970-01-01',
          to: '2026-12-31',
        });
        expect(tooLong.statusCode).toBe(400);
        expect(tooLong.json()).toMatchObject({
          error: { code: 'PERIOD_TOO_LONG', details: { by: 'day', buckets: 20819, max: 5000 } },
        });
        const byMonth = await api('POST', `${base}/metrics/query`, {
          metric: { kind: 'nps' },
          by: 'month',
          from: '1970-01-01',
          to: '2026-12-31',
        });
        expect(
          byMonth.json<{ groups: { buckets: unknown[] }[] }>().groups[0]!.buckets,
        ).toHaveLength(57 * 12);
        const ancient = await api(
          'GET',
          `${base}/metrics/question?surveyId=${surveyId}&question=nps&from=0050-01-01`,
        );
        expect(ancient.json()).toMatchObject({
          error: { code: 'VALIDATION_FAILED', details: [{ path: 'querystring.from' }] },
        });
      });
    });

    describe('oversize and broken requests, over a real socket', () => {
      let port: number;
      beforeAll(async () => {
        await t.app.listen({ port: 0, host: '127.0.0.1' });
        port = (t.app.server.address() as AddressInfo).port;
      });

      it('answers headers over 16 KiB with 431 in the error format, repeating nothing', async () => {
        const secret = `polku-${'s'.repeat(20_000)}`;
        const raw = await rawRequest(
          port,
          `GET /healthz HTTP/1.1\r\nHost: x\r\nCookie: big=${secret}\r\n\r\n`,
        );
        expect(statusOf(raw)).toBe(431);
        expect(raw).toContain('Content-Type: application/json');
        expect(bodyOf(raw)).toEqual({
          error: { code: 'HEADERS_TOO_LARGE', message: 'The request headers are too large.' },
        });
        expect(raw).not.toContain('polku-s');
      });

      it('answers an address over 8 KiB with 414, and one past the header limit with 431', async () => {
        const long = await rawRequest(
          port,
          `GET /api/v1/setup?q=${'a'.repeat(10_000)} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`,
        );
        expect(statusOf(long)).toBe(414);
        expect(bodyOf(long)).toEqual({
          error: { code: 'URI_TOO_LONG', message: 'The address is too long.' },
        });
        expect(long).not.toContain('aaaaaaaaaa');
        const huge = await rawRequest(
          port,
          `GET /api/v1/setup?q=${'a'.repeat(20_000)} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`,
        );
        expect(statusOf(huge)).toBe(431);
        expect(huge).not.toContain('aaaaaaaaaa');
      });

      it('answers an over-long path segment with 414 and a broken encoding with 400, repeating neither', async () => {
        const token = `t${'x'.repeat(150)}`;
        const segment = await rawRequest(
          port,
          `GET /w/${token}/survey.json HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`,
        );
        expect(statusOf(segment)).toBe(414);
        expect(segment).toContain('"code":"URI_TOO_LONG"');
        expect(segment).not.toContain(token);
        const broken = await rawRequest(
          port,
          `GET ${base}/surveys/%E0%A4%A HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`,
        );
        expect(statusOf(broken)).toBe(400);
        expect(bodyOf(broken)).toMatchObject({ error: { code: 'BAD_REQUEST' } });
        expect(broken).not.toContain('%E0%A4%A');
      });

      it('answers a request Node cannot parse with 400 in the error format', async () => {
        const raw = await rawRequest(port, 'NOT A REQUEST\r\n\r\n');
        expect(statusOf(raw)).toBe(400);
        expect(bodyOf(raw)).toMatchObject({ error: { code: 'BAD_REQUEST' } });
      });

      it('answers an unknown API path with NOT_FOUND, not the path', async () => {
        const raw = await rawRequest(
          port,
          'GET /api/v1/polku-nowhere HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n',
        );
        expect(statusOf(raw)).toBe(404);
        expect(raw).not.toContain('polku-nowhere');
      });
    });
  });
}
