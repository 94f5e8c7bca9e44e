import {
  buildPath,
  fileRoutes,
  responseImportQuerySchema,
  routes,
  type ErrorBody,
  type FieldIssue,
  type RouteName,
} from '@polku/contracts';
import type { z } from 'zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { widgetPromptBodySchema, widgetSubmitBodySchema } from '../src/widget/widget.schemas.js';
import { ownerOf, publishedSurvey } from './fixtures/import/surveys.js';
import { createAccount, startTestApp, type Account, type TestApp } from './support/app.js';
import { testDialects } from './support/databases.js';
import { findLooseObjects } from './support/request-schemas.js';

/**
 * Every field a client sends is either stored or refused: an unknown field (a typo, or an
 * option the API does not have) is a 400 naming it, never silently ignored. The walks below
 * read the route table, so a route added later is covered without touching this file.
 */

const UNKNOWN = 'polkuUnknownField';

const routeNames = Object.keys(routes) as RouteName[];
const withBody = routeNames.filter((name) => 'body' in routes[name]);
const withoutBody = routeNames.filter((name) => !('body' in routes[name]));

/** A path parameter value each route's own schema accepts (an id, a version, a token). */
function pathFor(name: RouteName): string {
  const route = routes[name];
  const shape = ('params' in route ? route.params.shape : {}) as Record<string, z.ZodType>;
  const values: Record<string, string> = {};
  for (const [key, schema] of Object.entries(shape)) {
    const fits = ['1', 'p'.repeat(24)].find((candidate) => schema.safeParse(candidate).success);
    if (!fits) throw new Error(`no sample value for ${name}'s :${key}`);
    values[key] = fits;
  }
  return buildPath(route.path, values);
}

const issuesOf = (res: { json<T>(): T }): FieldIssue[] =>
  (res.json<ErrorBody>().error.details as FieldIssue[] | undefined) ?? [];

/** The issue that names `field` at `path`, e.g. 'unknown field "x": this request does not take it'. */
const naming = (path: string, field: string): FieldIssue => ({
  path,
  message: `unknown field "${field}": this request does not take it`,
});

describe('request schemas', () => {
  it('accept no unknown field anywhere in a body or a query, at any depth', () => {
    const loose: string[] = [];
    for (const name of routeNames) {
      const route = routes[name] as { body?: z.ZodType; query?: z.ZodType };
      for (const part of ['body', 'query'] as const) {
        const schema = route[part];
        if (schema) loose.push(...findLooseObjects(schema).map((p) => `${name} ${part}: ${p}`));
      }
    }
    for (const [name, route] of Object.entries(fileRoutes))
      if ('query' in route)
        loose.push(...findLooseObjects(route.query).map((p) => `${name}: ${p}`));
    const others = {
      responseImport: responseImportQuerySchema,
      widgetSubmit: widgetSubmitBodySchema,
      widgetPrompt: widgetPromptBodySchema,
    };
    for (const [name, schema] of Object.entries(others))
      loose.push(...findLooseObjects(schema).map((p) => `${name}: ${p}`));
    expect(loose).toEqual([]);
  });

  it('are checked by a walk that finds a loose object where there is one', () => {
    // The walk itself must be able to fail: a loose object nested in a strict one is found.
    expect(findLooseObjects(routes.queryMetric.response)).toContain('metric');
  });
});

for (const dialect of testDialects()) {
  describe(`unknown fields are refused, never ignored (${dialect.name})`, () => {
    let t: TestApp;
    let owner: Account;
    let surveyId: string;
    let address = 0;
    // Each probe from its own address, so the sign-in routes' rate limits never answer first.
    const nextAddress = () => `10.77.${(address >> 8) & 255}.${address++ & 255}`;

    beforeAll(async () => {
      t = await startTestApp(dialect);
      owner = await createAccount(t);
      surveyId = await publishedSurvey(
        t.runtime,
        await ownerOf(t.runtime, owner.workspaceId, owner.userId),
        'nps',
      );
    });
    afterAll(() => t.close());

    it(`answers 400 naming the field on every route that takes a body (${withBody.length} routes)`, async () => {
      expect(withBody.length).toBeGreaterThan(40);
      for (const name of withBody) {
        const res = await t.app.inject({
          method: routes[name].method,
          url: pathFor(name),
          payload: { [UNKNOWN]: true },
          remoteAddress: nextAddress(),
        });
        expect({ name, status: res.statusCode }).toEqual({ name, status: 400 });
        expect(res.json<ErrorBody>().error.code).toBe('VALIDATION_FAILED');
        expect(issuesOf(res), name).toContainEqual(naming(`body.${UNKNOWN}`, UNKNOWN));
      }
    });

    it(`answers 400 naming the parameter on every route without a body (${withoutBody.length} routes)`, async () => {
      for (const name of withoutBody) {
        const res = await t.app.inject({
          method: routes[name].method,
          url: `${pathFor(name)}?${UNKNOWN}=1`,
          remoteAddress: nextAddress(),
        });
        expect({ name, status: res.statusCode }).toEqual({ name, status: 400 });
        expect(issuesOf(res), name).toContainEqual(naming(`querystring.${UNKNOWN}`, UNKNOWN));
      }
    });

    it('answers 400 naming the parameter on every file route (QR codes, sheets, exports)', async () => {
      for (const [name, route] of Object.entries(fileRoutes)) {
        const values = Object.fromEntries(Object.keys(route.params.shape).map((k) => [k, '1']));
        const res = await t.app.inject({
          method: 'GET',
          url: `${buildPath(route.path, values)}?${UNKNOWN}=1`,
          remoteAddress: nextAddress(),
        });
        expect({ name, status: res.statusCode }).toEqual({ name, status: 400 });
        expect(issuesOf(res), name).toContainEqual(naming(`querystring.${UNKNOWN}`, UNKNOWN));
      }
    });

    it('names an unknown field nested in a valid body by its full path, and changes nothing', async () => {
      const targets = `/api/v1/workspaces/${owner.workspaceId}/targets`;
      const res = await owner.browser.request({
        method: 'POST',
        url: targets,
        payload: {
          name: 'NPS target',
          metric: { kind: 'nps', surveyId, question: 'nps', table: 'pouliot' },
          scope: { kind: 'survey', id: surveyId, region: 'north' },
          period: { kind: 'recurring', every: 'month' },
          target: 30,
          goal: 'Customers recommend us',
          ownerUserId: owner.userId,
        },
      });
      expect(res.statusCode).toBe(400);
      expect(issuesOf(res)).toEqual([
        {
          path: 'body.metric.table',
          message: 'unknown field "table": this request does not take it',
        },
        {
          path: 'body.scope.region',
          message: 'unknown field "region": this request does not take it',
        },
      ]);
      const listed = await owner.browser.request({ method: 'GET', url: targets });
      expect(listed.json<{ items: unknown[] }>().items).toEqual([]);
    });

    it('names an unknown field inside an answer', async () => {
      const res = await owner.browser.request({
        method: 'POST',
        url: `/api/v1/workspaces/${owner.workspaceId}/responses`,
        payload: {
          surveyId,
          answers: { nps: 9, kano: { functional: 'like', dysfunctional: 'dislike', why: 'x' } },
        },
      });
      expect(res.statusCode).toBe(400);
      expect(issuesOf(res)).toContainEqual(naming('body.answers.kano.why', 'why'));
    });

    it('refuses an unknown query parameter beside a valid body', async () => {
      const res = await owner.browser.request({
        method: 'POST',
        url: `/api/v1/workspaces/${owner.workspaceId}/metrics/query?cache=1`,
        payload: { metric: { kind: 'nps' }, by: 'all' },
      });
      expect(res.statusCode).toBe(400);
      expect(issuesOf(res)).toEqual([
        {
          path: 'querystring.cache',
          message: 'unknown field "cache": this request does not take it',
        },
      ]);
    });

    it('refuses an unknown import option, naming it', async () => {
      const res = await owner.browser.request({
        method: 'POST',
        url: `/api/v1/workspaces/${owner.workspaceId}/surveys/${surveyId}/imports?seperator=%3B`,
        payload: 'nps\n9\n',
        headers: { 'content-type': 'text/csv' },
      });
      expect(res.statusCode).toBe(400);
      expect(issuesOf(res)).toContainEqual(naming('querystring.seperator', 'seperator'));
    });

    it('refuses an unknown field in the widget and prompt bodies', async () => {
      for (const path of ['responses', 'prompt']) {
        const res = await t.app.inject({
          method: 'POST',
          url: `/w/${'w'.repeat(20)}/${path}`,
          payload: { [UNKNOWN]: true },
          remoteAddress: nextAddress(),
        });
        expect(res.statusCode, path).toBe(400);
        expect(issuesOf(res), path).toContainEqual(naming(`body.${UNKNOWN}`, UNKNOWN));
      }
    });

    it('still opens a respondent page whose link carries tracking parameters', async () => {
      const links = await owner.browser.request({
        method: 'GET',
        url: `/api/v1/workspaces/${owner.workspaceId}/surveys/${surveyId}/links`,
      });
      const { items } = links.json<{ items: { token: string }[] }>();
      let token = items[0]?.token;
      if (!token) {
        const created = await owner.browser.request({
          method: 'POST',
          url: `/api/v1/workspaces/${owner.workspaceId}/surveys/${surveyId}/links`,
          payload: { name: 'Web' },
        });
        token = created.json<{ token: string }>().token;
      }
      const res = await t.app.inject({
        method: 'GET',
        url: `/s/${token}?utm_source=newsletter&utm_medium=email&fbclid=abc123&_=1700000000`,
        remoteAddress: nextAddress(),
      });
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toContain('text/html');
    });
  });
}
