import { existsSync } from 'node:fs';
import { apiKeyScopes, fileRoutes, routes, type RouteName } from '@polku/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPath } from '@polku/contracts';
import { createAccount, startTestApp, type Account, type TestApp } from './support/app.js';
import { testDialects } from './support/databases.js';

/**
 * A valid body for every workspace route that takes one. A new workspace route without an
 * entry here fails the test below, so every route added later is walked too.
 */
const sampleBodies: Partial<Record<RouteName, unknown>> = {
  updateWorkspace: { name: 'Taken over' },
  changeMemberRole: { role: 'viewer' },
  createInvitation: { email: 'intruder@example.com', role: 'owner' },
  createApiKey: { name: 'stolen', scopes: ['workspace.read'] },
  createSurvey: { name: 'Planted survey', template: 'nps' },
  updateSurvey: { name: 'Renamed by intruder' },
  createSurveyLink: { name: 'Planted link' },
  createSurveyInvitations: { recipients: [{ email: 'spam@example.com' }] },
  createIncidentCategory: { name: 'Planted category' },
  updateIncidentCategory: { name: 'Renamed by intruder' },
  codeIncidentAnswer: { categoryId: null },
  updateTarget: { target: -100, goal: 'Sabotage' },
  createWebhook: { name: 'Exfiltrate', url: 'https://attacker.example/hook' },
  updateWebhook: { url: 'https://attacker.example/hook' },
  updateSurveyLink: { name: 'Renamed by intruder' },
  createJourney: { name: 'Planted journey' },
  createJourneyFromTemplate: { template: 'chain' },
  updateJourney: { name: 'Renamed by intruder', status: 'archived' },
  createStage: { name: 'Planted stage' },
  updateStage: { name: 'Renamed by intruder' },
  updateStageLanes: { backstage: ['Planted'] },
  updateTouchpoint: { name: 'Renamed by intruder' },
  createMarker: { kind: 'pain', note: 'Planted' },
  updateMarker: { note: 'Renamed by intruder' },
  getJourneyMetrics: { metric: { kind: 'nps' }, from: '2026-01-01', to: '2026-12-31' },
  createPersona: { name: 'Planted persona' },
  updatePersona: { name: 'Renamed by intruder' },
};

const targetBody = (surveyId: string, ownerUserId: string) => ({
  name: 'NPS target',
  metric: { kind: 'nps', surveyId, question: 'nps' },
  scope: { kind: 'survey', id: surveyId },
  period: { kind: 'recurring', every: 'month' },
  target: 30,
  goal: 'Customers recommend us',
  ownerUserId,
});

/** Bodies that need the victim's ids, filled in once they exist. */
function bodyFor(name: RouteName, ids: Record<string, string>): unknown {
  if (name === 'submitResponse') return { surveyId: ids.surveyId, answers: { nps: 0 } };
  if (name === 'submitResponseBatch')
    return { responses: [{ surveyId: ids.surveyId, answers: { nps: 0 } }] };
  // The read-only analyses take the survey in the body.
  if (name === 'analyzeKeyDrivers')
    return { surveyId: ids.surveyId, outcome: 'nps', drivers: ['nps'] };
  if (name === 'analyzeImportancePerformance')
    return {
      surveyId: ids.surveyId,
      attributes: ['nps', 'nps2'],
      importance: { kind: 'derived', outcome: 'nps' },
    };
  if (name === 'analyzeExpectationGaps' || name === 'analyzeKano')
    return { surveyId: ids.surveyId };
  if (name === 'analyzeEmotions' || name === 'analyzeIncidents')
    return { surveyId: ids.surveyId, question: 'nps' };
  if (name === 'analyzeResponseRate') return { surveyId: ids.surveyId };
  if (name === 'createTarget') return targetBody(ids.surveyId ?? 'x', ids.userId ?? 'x');
  // Journey bodies that name the victim's stage.
  if (name === 'reorderStages') return { stageIds: [ids.stageId ?? 'x'] };
  if (name === 'moveTouchpoint') return { stageId: ids.stageId ?? 'x', position: 0 };
  if (name === 'createTouchpoint')
    return { stageId: ids.stageId ?? 'x', name: 'Planted', channel: 'web', subExperience: 'use' };
  if (name === 'queryMetric')
    return { metric: { kind: 'nps', surveyId: ids.surveyId ?? 'x', question: 'nps' } };
  return sampleBodies[name];
}

/** Query strings that pass validation, for workspace routes with required query parameters. */
function queryFor(name: RouteName, ids: Record<string, string>): string {
  if (name === 'getQuestionMetric') return `?surveyId=${ids.surveyId ?? 'x'}&question=nps`;
  if (name === 'listIncidentAnswers') return `?surveyId=${ids.surveyId ?? 'x'}&question=nps`;
  return '';
}

const workspaceRoutes = (Object.keys(routes) as RouteName[]).filter(
  (name) => routes[name].access.kind === 'workspace',
);

for (const dialect of testDialects()) {
  describe(`workspace isolation on ${dialect.name}`, () => {
    let t: TestApp;
    let victim: Account;
    let attacker: Account;
    let attackerKey: string;
    const victimIds: Record<string, string> = {};

    /** Everything the victim workspace holds, to compare before and after the attack. */
    async function snapshot(): Promise<string> {
      const db = t.runtime.database.db;
      const ws = victim.workspaceId;
      return JSON.stringify(
        await Promise.all([
          db.selectFrom('workspaces').selectAll().where('id', '=', ws).execute(),
          db
            .selectFrom('memberships')
            .selectAll()
            .where('workspaceId', '=', ws)
            .orderBy('userId')
            .execute(),
          db
            .selectFrom('invitations')
            .selectAll()
            .where('workspaceId', '=', ws)
            .orderBy('id')
            .execute(),
          db
            .selectFrom('apiKeys')
            .select(['id', 'name', 'scopes', 'revokedAt'])
            .where('workspaceId', '=', ws)
            .orderBy('id')
            .execute(),
          db
            .selectFrom('auditLog')
            .select(['id', 'action'])
            .where('workspaceId', '=', ws)
            .where('action', 'not like', 'auth.%')
            .orderBy('id')
            .execute(),
          db
            .selectFrom('emails')
            .select(['id', 'to'])
            .where('workspaceId', '=', ws)
            .orderBy('id')
            .execute(),
          db
            .selectFrom('surveys')
            .select(['id', 'name', 'status', 'draft'])
            .where('workspaceId', '=', ws)
            .orderBy('id')
            .execute(),
          db
            .selectFrom('surveyLinks')
            .select(['id', 'closedAt'])
            .where('workspaceId', '=', ws)
            .orderBy('id')
            .execute(),
          db
            .selectFrom('surveyInvitations')
            .select(['id', 'status'])
            .where('workspaceId', '=', ws)
            .orderBy('id')
            .execute(),
          db
            .selectFrom('responses')
            .select(['id'])
            .where('workspaceId', '=', ws)
            .orderBy('id')
            .execute(),
          db
            .selectFrom('answers')
            .select(['responseId', 'questionKey'])
            .where('workspaceId', '=', ws)
            .orderBy('responseId')
            .execute(),
          db
            .selectFrom('incidentCategories')
            .select(['id', 'name'])
            .where('workspaceId', '=', ws)
            .orderBy('id')
            .execute(),
          db
            .selectFrom('metricTargets')
            .selectAll()
            .where('workspaceId', '=', ws)
            .orderBy('id')
            .execute(),
          db
            .selectFrom('incidentCodings')
            .select(['responseId', 'questionKey', 'categoryId'])
            .where('workspaceId', '=', ws)
            .orderBy('responseId')
            .execute(),
          db
            .selectFrom('webhookEndpoints')
            .selectAll()
            .where('workspaceId', '=', ws)
            .orderBy('id')
            .execute(),
          db.selectFrom('metricAlerts').select('id').where('workspaceId', '=', ws).execute(),
          ...(
            [
              'journeys',
              'personas',
              'journeyPersonas',
              'journeyStages',
              'touchpoints',
              'blueprintItems',
              'touchpointMarkers',
            ] as const
          ).map((table) =>
            db.selectFrom(table).selectAll().where('workspaceId', '=', ws).execute(),
          ),
          db
            .selectFrom('surveyLinks')
            .select(['id', 'name', 'touchpointId'])
            .where('workspaceId', '=', ws)
            .orderBy('id')
            .execute(),
        ]),
      );
    }

    beforeAll(async () => {
      t = await startTestApp(dialect);
      victim = await createAccount(t, 'victim');
      attacker = await createAccount(t, 'attacker');
      const colleague = await createAccount(t, 'colleague');
      await t.runtime.store.memberships.insert({
        workspaceId: victim.workspaceId,
        userId: colleague.userId,
        role: 'analyst',
        createdAt: Date.now(),
      });
      victimIds.userId = colleague.userId;
      const inv = await victim.browser.request({
        method: 'POST',
        url: `/api/v1/workspaces/${victim.workspaceId}/invitations`,
        payload: { email: 'friend@example.com', role: 'viewer' },
      });
      victimIds.invitationId = inv.json<{ id: string }>().id;
      const key = await victim.browser.request({
        method: 'POST',
        url: `/api/v1/workspaces/${victim.workspaceId}/api-keys`,
        payload: { name: 'victim key', scopes: ['workspace.read'] },
      });
      victimIds.apiKeyId = key.json<{ apiKey: { id: string } }>().apiKey.id;
      const survey = await victim.browser.request({
        method: 'POST',
        url: `/api/v1/workspaces/${victim.workspaceId}/surveys`,
        payload: { name: 'Victim NPS', template: 'nps' },
      });
      victimIds.surveyId = survey.json<{ id: string }>().id;
      const surveyBase = `/api/v1/workspaces/${victim.workspaceId}/surveys/${victimIds.surveyId}`;
      await victim.browser.request({ method: 'POST', url: `${surveyBase}/publish` });
      victimIds.version = '1';
      const link = await victim.browser.request({
        method: 'POST',
        url: `${surveyBase}/links`,
        payload: { name: 'Shop' },
      });
      victimIds.linkId = link.json<{ id: string }>().id;
      const response = await victim.browser.request({
        method: 'POST',
        url: `/api/v1/workspaces/${victim.workspaceId}/responses`,
        payload: { surveyId: victimIds.surveyId, answers: { nps: 9, reason: 'Kauniit kukat' } },
      });
      victimIds.responseId = response.json<{ id: string }>().id;
      victimIds.questionKey = 'nps';
      const category = await victim.browser.request({
        method: 'POST',
        url: `/api/v1/workspaces/${victim.workspaceId}/analyses/incidents/categories`,
        payload: { name: 'Victim category' },
      });
      victimIds.categoryId = category.json<{ id: string }>().id;
      const target = await victim.browser.request({
        method: 'POST',
        url: `/api/v1/workspaces/${victim.workspaceId}/targets`,
        payload: targetBody(victimIds.surveyId, victim.userId),
      });
      victimIds.targetId = target.json<{ id: string }>().id;
      const webhook = await victim.browser.request({
        method: 'POST',
        url: `/api/v1/workspaces/${victim.workspaceId}/webhooks`,
        payload: { name: 'Victim hook', url: 'https://victim.example/hook' },
      });
      victimIds.webhookId = webhook.json<{ webhook: { id: string } }>().webhook.id;
      const wsBase = `/api/v1/workspaces/${victim.workspaceId}`;
      const persona = await victim.browser.request({
        method: 'POST',
        url: `${wsBase}/personas`,
        payload: { name: 'Victim persona' },
      });
      victimIds.personaId = persona.json<{ id: string }>().id;
      const journey = await victim.browser.request({
        method: 'POST',
        url: `${wsBase}/journeys`,
        payload: { name: 'Victim journey', personaIds: [victimIds.personaId] },
      });
      victimIds.journeyId = journey.json<{ id: string }>().id;
      const stage = await victim.browser.request({
        method: 'POST',
        url: `${wsBase}/journeys/${victimIds.journeyId}/stages`,
        payload: { name: 'Victim stage' },
      });
      victimIds.stageId = stage.json<{ id: string }>().id;
      await victim.browser.request({
        method: 'PUT',
        url: `${wsBase}/journeys/${victimIds.journeyId}/stages/${victimIds.stageId}/lanes`,
        payload: { frontstage: ['Victim lane item'] },
      });
      const touchpoint = await victim.browser.request({
        method: 'POST',
        url: `${wsBase}/journeys/${victimIds.journeyId}/touchpoints`,
        payload: {
          stageId: victimIds.stageId,
          name: 'Victim',
          channel: 'web',
          subExperience: 'use',
        },
      });
      victimIds.touchpointId = touchpoint.json<{ id: string }>().id;
      const marker = await victim.browser.request({
        method: 'POST',
        url: `${wsBase}/journeys/${victimIds.journeyId}/touchpoints/${victimIds.touchpointId}/markers`,
        payload: { kind: 'delight', note: 'Victim marker', responseId: victimIds.responseId },
      });
      victimIds.markerId = marker.json<{ id: string }>().id;
      expect(marker.statusCode).toBe(201);
      const own = await attacker.browser.request({
        method: 'POST',
        url: `/api/v1/workspaces/${attacker.workspaceId}/api-keys`,
        payload: { name: 'attacker key', scopes: [...apiKeyScopes] },
      });
      attackerKey = own.json<{ secret: string }>().secret;
    });
    afterAll(() => t.close());

    it('has a sample body for every workspace route that takes one', () => {
      const missing = workspaceRoutes.filter(
        (name) => 'body' in routes[name] && bodyFor(name, { surveyId: 'x' }) === undefined,
      );
      expect(missing).toEqual([]);
    });

    for (const name of workspaceRoutes) {
      const route = routes[name];
      describe(`${route.method} ${route.path} (${name})`, () => {
        const input = (workspaceId: string) => ({
          method: route.method,
          url: buildPath(route.path, { ...victimIds, workspaceId }) + queryFor(name, victimIds),
          ...('body' in route && { payload: bodyFor(name, victimIds) as object }),
        });

        it('refuses a member of another workspace, and changes nothing', async () => {
          const before = await snapshot();
          const res = await attacker.browser.request(input(victim.workspaceId));
          expect(res.statusCode).toBe(404);
          expect(res.json()).toMatchObject({ error: { code: 'NOT_FOUND' } });
          expect(await snapshot()).toBe(before);
        });

        it("refuses another workspace's API key, and changes nothing", async () => {
          const before = await snapshot();
          const res = await t.app.inject({
            ...input(victim.workspaceId),
            headers: { authorization: `Bearer ${attackerKey}` },
          });
          expect(res.statusCode).toBe(404);
          expect(await snapshot()).toBe(before);
        });

        it('refuses a request without credentials, and changes nothing', async () => {
          const before = await snapshot();
          const res = await t.app.inject(input(victim.workspaceId));
          expect(res.statusCode).toBe(401);
          expect(res.json()).toMatchObject({ error: { code: 'UNAUTHENTICATED' } });
          expect(await snapshot()).toBe(before);
        });

        if ('params' in route && Object.keys(route.params.shape).length > 1) {
          it("cannot reach the victim's records through the attacker's own workspace", async () => {
            const before = await snapshot();
            const res = await attacker.browser.request(input(attacker.workspaceId));
            expect(res.statusCode).toBe(404);
            expect(await snapshot()).toBe(before);
          });
        }
      });
    }

    for (const [name, route] of Object.entries(fileRoutes)) {
      it(`refuses outsiders on the file route ${route.path} (${name})`, async () => {
        const url = buildPath(route.path, { ...victimIds, workspaceId: victim.workspaceId });
        expect((await attacker.browser.request({ method: 'GET', url })).statusCode).toBe(404);
        const foreignKey = await t.app.inject({
          method: 'GET',
          url,
          headers: { authorization: `Bearer ${attackerKey}` },
        });
        expect(foreignKey.statusCode).toBe(404);
        expect((await t.app.inject({ method: 'GET', url })).statusCode).toBe(401);
        if (Object.keys(route.params.shape).length > 1) {
          const own = buildPath(route.path, { ...victimIds, workspaceId: attacker.workspaceId });
          expect((await attacker.browser.request({ method: 'GET', url: own })).statusCode).toBe(
            404,
          );
        }
        // Journey exports need Chromium; without it they answer 503 EXPORT_UNAVAILABLE.
        const chromiumMissing =
          name.startsWith('journeyExport') && !existsSync('/usr/bin/chromium');
        expect((await victim.browser.request({ method: 'GET', url })).statusCode).toBe(
          chromiumMissing ? 503 : 200,
        );
      }, 30_000);
    }

    it("the victim's own requests still work (the samples are valid)", async () => {
      const res = await victim.browser.request({
        method: 'GET',
        url: `/api/v1/workspaces/${victim.workspaceId}/members`,
      });
      expect(res.statusCode).toBe(200);
      const update = await victim.browser.request({
        method: 'PATCH',
        url: `/api/v1/workspaces/${victim.workspaceId}`,
        payload: sampleBodies.updateWorkspace as object,
      });
      expect(update.statusCode).toBe(200);
    });
  });
}
