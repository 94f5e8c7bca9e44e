import { existsSync } from 'node:fs';
import type {
  ErrorBody,
  Journey,
  JourneyMap,
  JourneyMarker,
  JourneyMetrics,
  JourneyStage,
  JourneySummary,
  JourneyTemplateInfo,
  Persona,
  StageLanes,
  Survey,
  SurveyLink,
  Touchpoint,
} from '@polku/contracts';
import { addDays, computeNps, createHistogram, localDay, type IntakeInput } from '@polku/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { journeyMapHtml } from '../src/journeys/map-html.js';
import { createAccount, startTestApp, type Account, type TestApp } from './support/app.js';
import { testDialects } from './support/databases.js';

const CHROMIUM = '/usr/bin/chromium';
const DAY_MS = 86_400_000;

for (const dialect of testDialects()) {
  describe(`journeys on ${dialect.name}`, () => {
    let t: TestApp;
    let owner: Account;
    let viewer: Account;
    let outsider: Account;
    let base: string;

    async function call<T>(
      who: Account,
      method: string,
      url: string,
      payload?: unknown,
      status = method === 'POST' ? 201 : 200,
    ): Promise<T> {
      const res = await who.browser.request({
        method,
        url: `${base}${url}`,
        ...(payload !== undefined && { payload: payload as object }),
      });
      expect(res.statusCode, `${method} ${url}: ${res.body}`).toBe(status);
      return res.json<T>();
    }

    const map = (id: string) => call<JourneyMap>(owner, 'GET', `/journeys/${id}`);

    /** Every journey table's rows of the workspace, to prove a refused change changed nothing. */
    async function snapshot(): Promise<string> {
      const db = t.runtime.database.db;
      const tables = [
        'journeys',
        'personas',
        'journeyPersonas',
        'journeyStages',
        'touchpoints',
        'blueprintItems',
        'touchpointMarkers',
        'surveys',
        'surveyLinks',
        'responses',
      ] as const;
      const rows = [];
      for (const table of tables)
        rows.push(
          await db
            .selectFrom(table)
            .selectAll()
            .where('workspaceId', '=', owner.workspaceId)
            .execute(),
        );
      return JSON.stringify(rows, (_k, v: unknown) => (typeof v === 'bigint' ? Number(v) : v));
    }

    async function refused(
      who: Account,
      method: string,
      url: string,
      payload: unknown,
      status: number,
      code: string,
    ): Promise<ErrorBody> {
      const before = await snapshot();
      const body = await call<ErrorBody>(who, method, url, payload, status);
      expect(body.error.code).toBe(code);
      expect(await snapshot()).toBe(before);
      return body;
    }

    beforeAll(async () => {
      // A fixed day, so the month-long periods and monthly targets fall the same on every run.
      t = await startTestApp(dialect, { POLKU_TODAY: '2026-07-02' });
      owner = await createAccount(t, 'owner');
      viewer = await createAccount(t, 'viewer');
      outsider = await createAccount(t, 'outsider');
      await t.runtime.store.memberships.insert({
        workspaceId: owner.workspaceId,
        userId: viewer.userId,
        role: 'viewer',
        createdAt: t.runtime.clock.now(),
      });
      base = `/api/v1/workspaces/${owner.workspaceId}`;
    });
    afterAll(() => t.close());

    describe('editing', () => {
      let journey: Journey;
      let stages: JourneyStage[];
      let persona: Persona;
      const tps: Touchpoint[] = [];

      it('creates a journey with personas, stages, touchpoints, lanes and markers', async () => {
        persona = await call<Persona>(owner, 'POST', '/personas', {
          name: 'Kiireinen lahjanostaja',
          goals: ['Lahja perille ajallaan'],
          needs: ['Varmuus toimituksesta'],
        });
        expect(persona).toMatchObject({ description: '', goals: ['Lahja perille ajallaan'] });
        journey = await call<Journey>(owner, 'POST', '/journeys', {
          name: 'Lahjan tilaus',
          personaIds: [persona.id],
        });
        expect(journey).toMatchObject({
          status: 'draft',
          description: '',
          personaIds: [persona.id],
        });
        stages = [];
        for (const name of ['Valinta', 'Osto', 'Toimitus'])
          stages.push(
            await call<JourneyStage>(owner, 'POST', `/journeys/${journey.id}/stages`, { name }),
          );
        expect(stages.map((s) => s.position)).toEqual([0, 1, 2]);
        // A stage put first moves the others along.
        const first = await call<JourneyStage>(owner, 'POST', `/journeys/${journey.id}/stages`, {
          name: 'Inspiraatio',
          position: 0,
        });
        expect(first.position).toBe(0);
        for (const [name, stage, extra] of [
          ['Verkkokauppa', 1, {}],
          ['Verkkokassa', 2, { promise: 'Tilausvahvistus heti', promiseHours: 0.1 }],
          ['Myymälän tiski', 2, { channel: 'physical' }],
          [
            'Kuriiri',
            3,
            { ownerType: 'partner', partnerName: 'Kukkakuriiri Oy', team: 'Logistiikka' },
          ],
        ] as const) {
          tps.push(
            await call<Touchpoint>(owner, 'POST', `/journeys/${journey.id}/touchpoints`, {
              stageId: stage === 1 ? stages[0]!.id : stage === 2 ? stages[1]!.id : stages[2]!.id,
              name,
              channel: 'web',
              subExperience: 'purchase',
              ...extra,
            }),
          );
        }
        expect(tps[3]).toMatchObject({
          ownerType: 'partner',
          partnerName: 'Kukkakuriiri Oy',
          team: 'Logistiikka',
          position: 0,
        });
        expect(tps.map((x) => x.position)).toEqual([0, 0, 1, 0]);
        const lanes = await call<StageLanes>(
          owner,
          'PUT',
          `/journeys/${journey.id}/stages/${stages[2]!.id}/lanes`,
          {
            customerActions: ['Odottaa kukkia'],
            backstage: ['Kuriiri noutaa', 'Reitin suunnittelu'],
          },
        );
        expect(lanes).toEqual({
          customerActions: ['Odottaa kukkia'],
          frontstage: [],
          backstage: ['Kuriiri noutaa', 'Reitin suunnittelu'],
          supportProcesses: [],
          physicalEvidence: [],
        });
        // Lanes left out stay as they are.
        await call(owner, 'PUT', `/journeys/${journey.id}/stages/${stages[2]!.id}/lanes`, {
          frontstage: ['Kuljettaja soittaa'],
        });
        const marker = await call<JourneyMarker>(
          owner,
          'POST',
          `/journeys/${journey.id}/touchpoints/${tps[3]!.id}/markers`,
          {
            kind: 'pain',
            note: 'Myöhästymiset sesonkeina',
            comment: 'Kukat tulivat päivän myöhässä.',
          },
        );
        expect(marker).toMatchObject({ kind: 'pain', responseId: null });

        const m = await map(journey.id);
        expect(m.journey.name).toBe('Lahjan tilaus');
        expect(m.personas.map((p) => p.name)).toEqual(['Kiireinen lahjanostaja']);
        expect(m.stages.map((s) => [s.name, s.position])).toEqual([
          ['Inspiraatio', 0],
          ['Valinta', 1],
          ['Osto', 2],
          ['Toimitus', 3],
        ]);
        expect(m.stages[2]!.touchpoints.map((x) => x.name)).toEqual([
          'Verkkokassa',
          'Myymälän tiski',
        ]);
        expect(m.stages[3]!.lanes.frontstage).toEqual(['Kuljettaja soittaa']);
        expect(m.stages[3]!.lanes.backstage).toEqual(['Kuriiri noutaa', 'Reitin suunnittelu']);
        expect(m.stages[3]!.touchpoints[0]!.markers.map((x) => x.note)).toEqual([
          'Myöhästymiset sesonkeina',
        ]);
        expect(m.stages[3]!.touchpoints[0]).toMatchObject({ surveyCount: 0, linkCount: 0 });

        const list = await call<{ items: JourneySummary[] }>(viewer, 'GET', '/journeys');
        expect(list.items).toEqual([
          expect.objectContaining({ id: journey.id, stageCount: 4, touchpointCount: 4 }),
        ]);
      });

      it('reorders stages and moves touchpoints, keeping positions dense', async () => {
        const m = await map(journey.id);
        const ids = m.stages.map((s) => s.id);
        const order = [ids[1]!, ids[0]!, ids[3]!, ids[2]!];
        const res = await call<{ items: JourneyStage[] }>(
          owner,
          'PUT',
          `/journeys/${journey.id}/stage-order`,
          { stageIds: order },
        );
        expect(res.items.map((s) => s.id)).toEqual(order);
        expect((await map(journey.id)).stages.map((s) => s.id)).toEqual(order);

        // The counter moves to the first place of the web shop's stage…
        const moved = await call<Touchpoint>(
          owner,
          'POST',
          `/journeys/${journey.id}/touchpoints/${tps[2]!.id}/move`,
          { stageId: tps[0]!.stageId, position: 0 },
          200,
        );
        expect(moved).toMatchObject({ stageId: tps[0]!.stageId, position: 0 });
        let after = await map(journey.id);
        const byId = (id: string) => after.stages.find((s) => s.id === id)!;
        expect(byId(tps[0]!.stageId).touchpoints.map((x) => [x.name, x.position])).toEqual([
          ['Myymälän tiski', 0],
          ['Verkkokauppa', 1],
        ]);
        expect(byId(tps[1]!.stageId).touchpoints.map((x) => [x.name, x.position])).toEqual([
          ['Verkkokassa', 0],
        ]);
        // …then within its stage to the end (a position past the end means last).
        await call(
          owner,
          'POST',
          `/journeys/${journey.id}/touchpoints/${tps[2]!.id}/move`,
          {
            stageId: tps[0]!.stageId,
            position: 99,
          },
          200,
        );
        after = await map(journey.id);
        expect(byId(tps[0]!.stageId).touchpoints.map((x) => [x.name, x.position])).toEqual([
          ['Verkkokauppa', 0],
          ['Myymälän tiski', 1],
        ]);
        // Back where it was.
        await call(
          owner,
          'POST',
          `/journeys/${journey.id}/touchpoints/${tps[2]!.id}/move`,
          {
            stageId: tps[1]!.stageId,
            position: 1,
          },
          200,
        );
      });

      it('updates and deletes, and a partner name goes with the partner', async () => {
        const tp = await call<Touchpoint>(
          owner,
          'PATCH',
          `/journeys/${journey.id}/touchpoints/${tps[3]!.id}`,
          { ownerType: 'company' },
        );
        expect(tp).toMatchObject({ ownerType: 'company', partnerName: null, team: 'Logistiikka' });
        await call(owner, 'PATCH', `/journeys/${journey.id}/touchpoints/${tps[3]!.id}`, {
          ownerType: 'partner',
          partnerName: 'Kukkakuriiri Oy',
        });
        const updated = await call<Journey>(owner, 'PATCH', `/journeys/${journey.id}`, {
          status: 'active',
          description: 'Lahjan tilaaminen verkosta',
        });
        expect(updated).toMatchObject({ status: 'active', personaIds: [persona.id] });
        const stage = await call<JourneyStage>(
          owner,
          'PATCH',
          `/journeys/${journey.id}/stages/${stages[2]!.id}`,
          { description: 'Kuriiri vie kukat' },
        );
        expect(stage).toMatchObject({ name: 'Toimitus', description: 'Kuriiri vie kukat' });
        const p2 = await call<Persona>(owner, 'PATCH', `/personas/${persona.id}`, {
          needs: ['Tieto siitä, missä mennään'],
        });
        expect(p2).toMatchObject({
          goals: ['Lahja perille ajallaan'],
          needs: ['Tieto siitä, missä mennään'],
        });

        // A stage with its touchpoints, lanes and markers goes at once; the rest close up.
        const extra = await call<JourneyStage>(owner, 'POST', `/journeys/${journey.id}/stages`, {
          name: 'Poistettava',
          position: 1,
        });
        const extraTp = await call<Touchpoint>(
          owner,
          'POST',
          `/journeys/${journey.id}/touchpoints`,
          {
            stageId: extra.id,
            name: 'Väliaikainen',
            channel: 'chat',
            subExperience: 'service',
          },
        );
        await call(owner, 'POST', `/journeys/${journey.id}/touchpoints/${extraTp.id}/markers`, {
          kind: 'delight',
          note: 'Nopea vastaus',
        });
        await call(owner, 'DELETE', `/journeys/${journey.id}/stages/${extra.id}`);
        const m = await map(journey.id);
        expect(m.stages.map((s) => s.position)).toEqual([0, 1, 2, 3]);
        expect(m.stages.some((s) => s.id === extra.id)).toBe(false);
        const markers = await t.runtime.database.db
          .selectFrom('touchpointMarkers')
          .select('id')
          .where('touchpointId', '=', extraTp.id)
          .execute();
        expect(markers).toEqual([]);

        // A deleted persona is detached from the journey.
        const temp = await call<Persona>(owner, 'POST', '/personas', { name: 'Väliaikainen' });
        await call(owner, 'PATCH', `/journeys/${journey.id}`, {
          personaIds: [temp.id, persona.id],
        });
        expect((await map(journey.id)).personas.map((p) => p.name)).toEqual([
          'Väliaikainen',
          'Kiireinen lahjanostaja',
        ]);
        await call(owner, 'DELETE', `/personas/${temp.id}`);
        expect((await map(journey.id)).journey.personaIds).toEqual([persona.id]);
      });

      it('refuses bad input, other journeys’ and other workspaces’ ids, and changes nothing', async () => {
        const other = await call<Journey>(owner, 'POST', '/journeys', { name: 'Toinen' });
        const otherStage = await call<JourneyStage>(owner, 'POST', `/journeys/${other.id}/stages`, {
          name: 'Muu',
        });
        const j = `/journeys/${journey.id}`;
        const tpBody = { name: 'X', channel: 'web', subExperience: 'use' };
        let e = await refused(
          owner,
          'POST',
          `${j}/touchpoints`,
          { ...tpBody, stageId: otherStage.id },
          400,
          'VALIDATION_FAILED',
        );
        expect(e.error.details).toEqual([
          { path: 'body.stageId', message: 'not a stage of this journey' },
        ]);
        await refused(
          owner,
          'POST',
          `${j}/touchpoints`,
          { ...tpBody, stageId: stages[0]!.id, channel: 'fax' },
          400,
          'VALIDATION_FAILED',
        );
        await refused(
          owner,
          'POST',
          `${j}/touchpoints`,
          { ...tpBody, stageId: stages[0]!.id, partnerName: 'Oy' },
          400,
          'VALIDATION_FAILED',
        );
        await refused(
          owner,
          'POST',
          `${j}/touchpoints/${tps[0]!.id}/move`,
          { stageId: otherStage.id, position: 0 },
          400,
          'VALIDATION_FAILED',
        );
        await refused(
          owner,
          'PATCH',
          `/journeys/${other.id}/touchpoints/${tps[0]!.id}`,
          { name: 'Y' },
          404,
          'NOT_FOUND',
        );
        await refused(
          owner,
          'PATCH',
          `/journeys/${other.id}/stages/${stages[0]!.id}`,
          { name: 'Y' },
          404,
          'NOT_FOUND',
        );
        const ids = (await map(journey.id)).stages.map((s) => s.id);
        e = await refused(
          owner,
          'PUT',
          `${j}/stage-order`,
          { stageIds: ids.slice(1) },
          400,
          'VALIDATION_FAILED',
        );
        expect(e.error.details).toEqual([
          { path: 'body.stageIds', message: 'name every stage of the journey once' },
        ]);
        await refused(
          owner,
          'PUT',
          `${j}/stage-order`,
          { stageIds: [...ids.slice(1), otherStage.id] },
          400,
          'VALIDATION_FAILED',
        );
        await refused(
          owner,
          'PUT',
          `${j}/stage-order`,
          { stageIds: [ids[0], ...ids.slice(0, 3)] },
          400,
          'VALIDATION_FAILED',
        );
        e = await refused(
          owner,
          'PATCH',
          j,
          { personaIds: ['no-such-persona'] },
          400,
          'VALIDATION_FAILED',
        );
        expect(e.error.details).toEqual([
          { path: 'body.personaIds.0', message: 'no such persona' },
        ]);
        e = await refused(
          owner,
          'POST',
          `${j}/touchpoints/${tps[0]!.id}/markers`,
          { kind: 'pain', note: 'x', responseId: 'no-such-response' },
          400,
          'VALIDATION_FAILED',
        );
        expect(e.error.details).toEqual([{ path: 'body.responseId', message: 'no such response' }]);
        await refused(
          owner,
          'POST',
          `${j}/touchpoints/${tps[0]!.id}/markers`,
          { kind: 'meh', note: 'x' },
          400,
          'VALIDATION_FAILED',
        );
        await refused(owner, 'PATCH', j, {}, 400, 'VALIDATION_FAILED');
        // Someone else's workspace: its journeys, personas and touchpoints do not exist here.
        const outsiderBase = `/api/v1/workspaces/${outsider.workspaceId}`;
        const res = await outsider.browser.request({
          method: 'POST',
          url: `${outsiderBase}/personas`,
          payload: { name: 'Vieras' },
        });
        expect(res.statusCode).toBe(201);
        const foreignPersona = res.json<Persona>();
        await refused(
          owner,
          'PATCH',
          j,
          { personaIds: [foreignPersona.id] },
          400,
          'VALIDATION_FAILED',
        );
        await refused(outsider, 'GET', j, undefined, 404, 'NOT_FOUND');
        await refused(outsider, 'PATCH', j, { name: 'Kaapattu' }, 404, 'NOT_FOUND');
        // A viewer reads the map but changes nothing.
        await refused(viewer, 'PATCH', j, { name: 'Kaapattu' }, 403, 'FORBIDDEN');
        await refused(viewer, 'POST', `${j}/stages`, { name: 'Uusi' }, 403, 'FORBIDDEN');
        await call(viewer, 'GET', j);
        await call(owner, 'DELETE', `/journeys/${other.id}`);
      });

      it('checks the touchpoints of surveys, links and responses, and keeps used ones', async () => {
        const survey = await call<Survey>(owner, 'POST', '/surveys', {
          name: 'Kuriiri',
          template: 'csat',
        });
        await call(owner, 'POST', `/surveys/${survey.id}/publish`, undefined, 200);
        const outsiderTp = await (async () => {
          const ob = `/api/v1/workspaces/${outsider.workspaceId}`;
          const oj = (
            await outsider.browser.request({
              method: 'POST',
              url: `${ob}/journeys`,
              payload: { name: 'V' },
            })
          ).json<Journey>();
          const os = (
            await outsider.browser.request({
              method: 'POST',
              url: `${ob}/journeys/${oj.id}/stages`,
              payload: { name: 'V' },
            })
          ).json<JourneyStage>();
          return (
            await outsider.browser.request({
              method: 'POST',
              url: `${ob}/journeys/${oj.id}/touchpoints`,
              payload: { stageId: os.id, name: 'V', channel: 'web', subExperience: 'use' },
            })
          ).json<Touchpoint>().id;
        })();
        for (const bad of ['no-such-touchpoint', outsiderTp]) {
          let e = await refused(
            owner,
            'POST',
            '/surveys',
            { name: 'Uusi', touchpointId: bad },
            400,
            'VALIDATION_FAILED',
          );
          expect(e.error.details).toEqual([
            { path: 'body.touchpointId', message: 'no such touchpoint' },
          ]);
          await refused(
            owner,
            'PATCH',
            `/surveys/${survey.id}`,
            { touchpointId: bad },
            400,
            'VALIDATION_FAILED',
          );
          await refused(
            owner,
            'POST',
            `/surveys/${survey.id}/links`,
            { name: 'L', touchpointId: bad },
            400,
            'VALIDATION_FAILED',
          );
          e = await refused(
            owner,
            'POST',
            '/responses',
            { surveyId: survey.id, touchpointId: bad, answers: { csat: 5 } },
            400,
            'VALIDATION_FAILED',
          );
          expect(e.error.details).toEqual([
            { path: 'body.touchpointId', message: 'no such touchpoint in this workspace' },
          ]);
          await refused(
            owner,
            'POST',
            '/responses/batch',
            {
              responses: [
                { surveyId: survey.id, answers: { csat: 5 } },
                { surveyId: survey.id, touchpointId: bad, answers: { csat: 4 } },
              ],
            },
            400,
            'VALIDATION_FAILED',
          );
        }
        const courier = tps[3]!.id;
        const s2 = await call<Survey>(owner, 'PATCH', `/surveys/${survey.id}`, {
          touchpointId: courier,
        });
        expect(s2.touchpointId).toBe(courier);
        const link = await call<SurveyLink>(owner, 'POST', `/surveys/${survey.id}/links`, {
          name: 'Vahvistus',
          channel: 'email',
        });
        expect(link.touchpointId).toBe(courier); // from the survey
        const moved = await call<SurveyLink>(
          owner,
          'PATCH',
          `/surveys/${survey.id}/links/${link.id}`,
          { touchpointId: tps[1]!.id },
        );
        expect(moved).toMatchObject({ touchpointId: tps[1]!.id, name: 'Vahvistus' });
        await refused(
          owner,
          'PATCH',
          `/surveys/${survey.id}/links/${link.id}`,
          { touchpointId: 'nope' },
          400,
          'VALIDATION_FAILED',
        );
        const r = await call<{ id: string }>(owner, 'POST', '/responses', {
          surveyId: survey.id,
          touchpointId: tps[0]!.id,
          answers: { csat: 5 },
        });
        const stored = await t.runtime.store.responses.findById(owner.workspaceId, r.id);
        expect(stored!.touchpointId).toBe(tps[0]!.id);

        const m = await map(journey.id);
        const card = (id: string) =>
          m.stages.flatMap((s) => s.touchpoints).find((x) => x.id === id)!;
        expect(card(courier)).toMatchObject({ surveyCount: 1, linkCount: 0 });
        expect(card(tps[1]!.id)).toMatchObject({ surveyCount: 0, linkCount: 1 });
        // In use: the touchpoint, its stage and its journey stay.
        const e = await refused(
          owner,
          'DELETE',
          `/journeys/${journey.id}/touchpoints/${courier}`,
          undefined,
          409,
          'TOUCHPOINT_IN_USE',
        );
        expect(e.error.details).toEqual([{ touchpointId: courier, surveys: 1, links: 0 }]);
        await refused(
          owner,
          'DELETE',
          `/journeys/${journey.id}/stages/${card(courier).stageId}`,
          undefined,
          409,
          'TOUCHPOINT_IN_USE',
        );
        await refused(
          owner,
          'DELETE',
          `/journeys/${journey.id}`,
          undefined,
          409,
          'TOUCHPOINT_IN_USE',
        );
        // Pointed elsewhere, it may go; the response keeps its touchpoint id.
        await call(owner, 'PATCH', `/surveys/${survey.id}`, { touchpointId: null });
        const spare = await call<Touchpoint>(owner, 'POST', `/journeys/${journey.id}/touchpoints`, {
          stageId: card(courier).stageId,
          name: 'Poistuva',
          channel: 'email',
          subExperience: 'service',
        });
        await call(owner, 'DELETE', `/journeys/${journey.id}/touchpoints/${spare.id}`);
        expect(
          (await map(journey.id)).stages
            .flatMap((s) => s.touchpoints)
            .some((x) => x.id === spare.id),
        ).toBe(false);
        // Evidence: a real response of the workspace.
        const marker = await call<JourneyMarker>(
          owner,
          'POST',
          `/journeys/${journey.id}/touchpoints/${courier}/markers`,
          {
            kind: 'delight',
            note: 'Kiitos',
            responseId: r.id,
          },
        );
        const changed = await call<JourneyMarker>(
          owner,
          'PATCH',
          `/journeys/${journey.id}/touchpoints/${courier}/markers/${marker.id}`,
          { note: 'Kiitos!' },
        );
        expect(changed).toMatchObject({ note: 'Kiitos!', responseId: r.id, kind: 'delight' });
        await call(
          owner,
          'DELETE',
          `/journeys/${journey.id}/touchpoints/${courier}/markers/${marker.id}`,
        );
        await refused(
          owner,
          'DELETE',
          `/journeys/${journey.id}/touchpoints/${courier}/markers/${marker.id}`,
          undefined,
          404,
          'NOT_FOUND',
        );
      });
    });

    it('creates journeys from the three templates in fi, sv and en', async () => {
      const info = await call<{ items: JourneyTemplateInfo[] }>(
        viewer,
        'GET',
        '/journey-templates',
      );
      expect(info.items.map((i) => [i.key, i.language])).toEqual([
        ['chain', 'fi'],
        ['retail', 'fi'],
        ['coaching', 'fi'],
      ]);
      expect(info.items[0]!.stages).toEqual([
        'Markkinointi',
        'Myynti',
        'Tuote tai palvelu',
        'Laskutus',
        'Asiakaspalvelu',
        'Sosiaalinen media',
        'Ylläpito',
      ]);
      const sv = await call<{ items: JourneyTemplateInfo[] }>(
        viewer,
        'GET',
        '/journey-templates?language=sv',
      );
      expect(sv.items[0]!.stages[0]).toBe('Marknadsföring');
      const expected = {
        chain: { fi: 'Asiakkuuden ketju', sv: 'Kundrelationens kedja', en: 'The customer chain' },
        retail: {
          fi: 'Vähittäiskauppa ja verkkokauppa',
          sv: 'Detaljhandel och webbutik',
          en: 'Retail and web shop',
        },
        coaching: { fi: 'Valmennuspalvelu', sv: 'Coachningstjänst', en: 'Coaching service' },
      } as const;
      for (const template of ['chain', 'retail', 'coaching'] as const)
        for (const language of ['fi', 'sv', 'en'] as const) {
          const m = await call<JourneyMap>(owner, 'POST', '/journeys/from-template', {
            template,
            language,
          });
          expect(m.journey.name).toBe(expected[template][language]);
          expect(m.stages).toHaveLength(7);
          const tpl = (
            await call<{ items: JourneyTemplateInfo[] }>(
              viewer,
              'GET',
              `/journey-templates?language=${language}`,
            )
          ).items.find((i) => i.key === template)!;
          expect(m.stages.map((s) => s.name)).toEqual(tpl.stages);
          expect(m.stages.flatMap((s) => s.touchpoints)).toHaveLength(tpl.touchpointCount);
          expect(m.stages.every((s) => s.lanes.customerActions.length === 1)).toBe(true);
          await call(owner, 'DELETE', `/journeys/${m.journey.id}`);
        }
      // Without a language: the workspace's default (fi); with a name of one's own.
      const m = await call<JourneyMap>(owner, 'POST', '/journeys/from-template', {
        template: 'retail',
        name: 'Oma kauppa',
      });
      expect(m.journey.name).toBe('Oma kauppa');
      expect(m.stages[0]!.name).toBe('Inspiraatio');
      const courier = m.stages[3]!.touchpoints.find((x) => x.ownerType === 'partner')!;
      expect(courier.partnerName).toBe('Kuljetusyhtiö');
      await call(owner, 'DELETE', `/journeys/${m.journey.id}`);
    });

    it('computes the metric per touchpoint, per stage and for the journey', async () => {
      const ws = (await t.runtime.store.workspaces.findById(owner.workspaceId))!;
      const today = localDay(t.runtime.clock.now(), ws.timeZone);
      const m = await call<JourneyMap>(owner, 'POST', '/journeys/from-template', {
        template: 'retail',
      });
      const [web, shop] = m.stages[1]!.touchpoints; // Valinta: Verkkokauppa, Myymälä
      const [checkout, till] = m.stages[2]!.touchpoints; // Ostos: Verkkokassa, Kassa
      const survey = await call<Survey>(owner, 'POST', '/surveys', {
        name: 'Suositus',
        template: 'nps',
      });
      await call(owner, 'POST', `/surveys/${survey.id}/publish`, undefined, 200);
      const answer = async (touchpointId: string | null, scores: number[], daysAgo = 1) => {
        const inputs: IntakeInput[] = scores.map((nps) => ({
          surveyId: survey.id,
          touchpointId,
          submittedAt: t.runtime.clock.now() - daysAgo * DAY_MS,
          partial: false,
          source: 'api',
          answers: { nps },
        }));
        await t.runtime.services.responses.submitBatch({ workspace: ws }, inputs);
      };
      // web: 3 promoters, 1 passive, 1 detractor; shop: 1 promoter, 2 detractors;
      // checkout: 2 promoters; till: none. Outside the period and at no touchpoint: ignored.
      await answer(web!.id, [10, 9, 9, 7, 2]);
      await answer(shop!.id, [10, 0, 5]);
      await answer(checkout!.id, [9, 10]);
      await answer(web!.id, [0, 0, 0], 40);
      await answer(null, [0, 0]);
      // A partial response counts in no figure and no volume.
      await t.runtime.services.responses.submitBatch({ workspace: ws }, [
        {
          surveyId: survey.id,
          touchpointId: web!.id,
          partial: true,
          source: 'api',
          answers: { nps: 10 },
        },
      ]);
      // A target for the checkout's NPS.
      await call(owner, 'POST', '/targets', {
        name: 'Kassa sujuu',
        metric: { kind: 'nps' },
        scope: { kind: 'touchpoint', id: checkout!.id },
        period: { kind: 'recurring', every: 'month' },
        target: 50,
        goal: 'Ostaminen on helppoa',
        ownerUserId: owner.userId,
      });
      const r = await call<JourneyMetrics>(
        viewer,
        'POST',
        `/journeys/${m.journey.id}/metrics`,
        {
          metric: { kind: 'nps' },
          from: addDays(today, -10),
          to: today,
        },
        200,
      );
      expect(r.scoreName).toBe('nps');
      const tp = (id: string) => r.touchpoints.find((x) => x.touchpointId === id)!;
      expect(tp(web!.id)).toMatchObject({ n: 5, volume: 5, smallSample: true, target: null });
      const webNps = computeNps(createHistogram([10, 9, 9, 7, 2]));
      expect(tp(web!.id).score).toBeCloseTo(webNps.nps!, 10);
      expect(tp(web!.id).ci95).toEqual(webNps.ci95);
      expect(tp(web!.id).score).toBeCloseTo(40, 10);
      expect(tp(shop!.id).score).toBeCloseTo(((1 - 2) / 3) * 100, 10);
      expect(tp(checkout!.id)).toMatchObject({ n: 2, score: 100, volume: 2 });
      expect(tp(checkout!.id).target).toMatchObject({ name: 'Kassa sujuu', target: 50 });
      expect(tp(till!.id)).toMatchObject({ n: 0, score: null, volume: 0, ci95: null });
      expect(tp(web!.id).ci95).not.toBeNull();
      // Stage "Valinta": web + shop pooled: 4 promoters, 1 passive, 3 detractors of 8 → 12.5.
      const stage = (i: number) => r.stages.find((s) => s.stageId === m.stages[i]!.id)!;
      expect(stage(1).n).toBe(8);
      expect(stage(1).score).toBeCloseTo(12.5, 10);
      expect(stage(2)).toMatchObject({ n: 2, score: 100 });
      expect(stage(0)).toMatchObject({ n: 0, score: null });
      expect(r.stages.map((s) => s.stageId)).toEqual(m.stages.map((s) => s.id));
      // Journey: 6 promoters, 1 passive, 3 detractors of 10 → 30.
      expect(r.journey.n).toBe(10);
      expect(r.journey.score).toBeCloseTo(30, 10);
      // The health line follows the stages; the cards, the stages' order.
      expect(r.touchpoints.map((x) => x.touchpointId)).toEqual(
        m.stages.flatMap((s) => s.touchpoints.map((x) => x.id)),
      );
      // A bad metric is the metric engine's error; a bad period is the contract's.
      await refused(
        viewer,
        'POST',
        `/journeys/${m.journey.id}/metrics`,
        { metric: { kind: 'rating' }, from: today, to: today },
        400,
        'VALIDATION_FAILED',
      );
      await refused(
        viewer,
        'POST',
        `/journeys/${m.journey.id}/metrics`,
        { metric: { kind: 'nps' }, from: today, to: addDays(today, -1) },
        400,
        'VALIDATION_FAILED',
      );
      await refused(
        outsider,
        'POST',
        `/journeys/${m.journey.id}/metrics`,
        { metric: { kind: 'nps' }, from: today, to: today },
        404,
        'NOT_FOUND',
      );
    });

    it('escapes every user text in the export page', () => {
      const evil = '<script>alert(1)</script>"\'&';
      const html = journeyMapHtml(
        {
          journey: {
            id: 'j',
            name: evil,
            description: evil,
            status: 'active',
            personaIds: ['p'],
            createdAt: 0,
            updatedAt: 0,
          },
          personas: [
            {
              id: 'p',
              name: evil,
              description: evil,
              goals: [evil],
              needs: [evil],
              createdAt: 0,
              updatedAt: 0,
            },
          ],
          stages: [
            {
              id: 's',
              journeyId: 'j',
              name: evil,
              description: evil,
              position: 0,
              lanes: {
                customerActions: [evil],
                frontstage: [evil],
                backstage: [evil],
                supportProcesses: [evil],
                physicalEvidence: [evil],
              },
              touchpoints: [
                {
                  id: 't',
                  journeyId: 'j',
                  stageId: 's',
                  position: 0,
                  name: evil,
                  description: evil,
                  channel: 'web',
                  ownerType: 'partner',
                  partnerName: evil,
                  subExperience: 'use',
                  team: evil,
                  promise: evil,
                  promiseHours: 24,
                  expectation: evil,
                  createdAt: 0,
                  updatedAt: 0,
                  surveyCount: 0,
                  linkCount: 0,
                  markers: [
                    {
                      id: 'm',
                      touchpointId: 't',
                      kind: 'pain',
                      note: evil,
                      responseId: null,
                      comment: evil,
                      createdAt: 0,
                      updatedAt: 0,
                    },
                  ],
                },
              ],
            },
          ],
        },
        'en',
      );
      expect(html).not.toContain('<script');
      expect(html).not.toContain(evil);
      const escaped = '&lt;script&gt;alert(1)&lt;/script&gt;&quot;&#39;&amp;';
      // name ×2 (title, h1), description, persona ×4, stage ×2, lanes ×5, card ×6, marker ×2.
      expect(html.split(escaped).length - 1).toBe(22);
      expect(html).toContain('Line of visibility');
      expect(html).toContain('Pain point');
    });

    it('draws the live metric on the export’s cards as the map does, with the map’s lane names', () => {
      const tp = (id: string, name: string) => ({
        id,
        journeyId: 'j',
        stageId: 's',
        position: 0,
        name,
        description: '',
        channel: 'web' as const,
        ownerType: 'company' as const,
        partnerName: null,
        subExperience: 'purchase' as const,
        team: null,
        promise: null,
        promiseHours: null,
        expectation: null,
        createdAt: 0,
        updatedAt: 0,
        surveyCount: 0,
        linkCount: 0,
        markers: [],
      });
      const lanes = {
        customerActions: [],
        frontstage: [],
        backstage: [],
        supportProcesses: [],
        physicalEvidence: [],
      };
      const map: JourneyMap = {
        journey: {
          id: 'j',
          name: 'Polku',
          description: '',
          status: 'active',
          personaIds: [],
          createdAt: 0,
          updatedAt: 0,
        },
        personas: [],
        stages: [
          {
            id: 's',
            journeyId: 'j',
            name: 'Osto',
            description: '',
            position: 0,
            lanes,
            touchpoints: [tp('a', 'Verkkokassa'), tp('b', 'Kuitti'), tp('c', 'Tilausvahvistus')],
          },
        ],
      };
      const figure = (
        touchpointId: string,
        n: number,
        score: number | null,
        ci95: [number, number] | null,
      ) => ({
        touchpointId,
        stageId: 's',
        n,
        score,
        ci95,
        smallSample: n < 30,
        volume: n,
        target: null,
      });
      const page = journeyMapHtml(map, 'fi', {
        kind: 'nps',
        data: {
          metric: { kind: 'nps' },
          scoreName: 'nps',
          scale: { min: -100, max: 100 },
          from: '2025-04-01',
          to: '2026-03-28',
          journey: { n: 1500, score: 35, ci95: [31, 39], smallSample: false },
          stages: [],
          touchpoints: [
            // −4.8 from the average: near, not "clearly below" (the question's 0–10 scale no more).
            figure('a', 1099, 30.2, [25.9, 34.5]),
            // −25 on 12 answers with a wide interval: below, never "clearly".
            figure('b', 12, 10, [-40, 55]),
            figure('c', 0, null, null),
          ],
        },
      });
      // Finnish groups digits with a no-break space (Intl); compared here as a plain space.
      const html = page.replace(/\u00a0/g, ' ');
      expect(html).toContain('NPS <b>30,2</b> ● lähellä polun keskiarvo 35,0 · n = 1 099');
      expect(html).toContain('NPS <b>10,0</b> ▼ alle polun keskiarvo 35,0 · n = 12');
      expect(html).not.toContain('selvästi');
      expect(html).toContain('Ei NPS-vastauksia');
      expect(html).toContain('NPS 1.4.2025–28.3.2026 · Koko polku: 35,0 (n = 1 500)');
      for (const lane of [
        'Asiakkaan toiminta',
        'Asiakasrajapinta',
        'Taustatoiminta',
        'Näkyvyysraja',
      ])
        expect(html).toContain(lane);
      // Without a metric the cards carry none.
      expect(journeyMapHtml(map, 'fi')).not.toContain('class="metric');
    });

    it('refuses an export metric without its period, or a period without a metric', async () => {
      const m = await call<Journey>(owner, 'POST', '/journeys', { name: 'Vientitesti' });
      for (const q of [
        'metric=nps',
        'metric=nps&from=2026-01-01',
        'from=2026-01-01&to=2026-02-01',
        'metric=rating&from=2026-01-01&to=2026-02-01',
        'metric=nps&from=2026-02-01&to=2026-01-01',
      ]) {
        const res = await owner.browser.request({
          method: 'GET',
          url: `${base}/journeys/${m.id}/export.png?${q}`,
        });
        expect(res.statusCode, q).toBe(400);
        expect(res.json<ErrorBody>().error.code, q).toBe('VALIDATION_FAILED');
      }
    });

    describe.skipIf(!existsSync(CHROMIUM))('export', () => {
      it('renders the map as PNG and as PDF with Chromium', async () => {
        const m = await call<JourneyMap>(owner, 'POST', '/journeys/from-template', {
          template: 'chain',
          language: 'en',
        });
        const png = await owner.browser.request({
          method: 'GET',
          url: `${base}/journeys/${m.journey.id}/export.png`,
        });
        expect(png.statusCode, png.body.slice(0, 200)).toBe(200);
        expect(png.headers['content-type']).toBe('image/png');
        const buf = png.rawPayload;
        expect([...buf.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
        // IHDR: width and height in device pixels (scale 2): 7 stages make a wide page.
        const width = buf.readUInt32BE(16);
        const height = buf.readUInt32BE(20);
        expect(width).toBeGreaterThan(2 * 1800);
        expect(height).toBeGreaterThan(2 * 400);
        expect(buf.length).toBeGreaterThan(20_000);
        const pdf = await viewer.browser.request({
          method: 'GET',
          url: `${base}/journeys/${m.journey.id}/export.pdf?lang=fi`,
        });
        expect(pdf.statusCode).toBe(200);
        expect(pdf.headers['content-type']).toBe('application/pdf');
        expect(pdf.rawPayload.subarray(0, 5).toString('latin1')).toBe('%PDF-');
        expect(pdf.rawPayload.length).toBeGreaterThan(10_000);
        const withMetric = await viewer.browser.request({
          method: 'GET',
          url: `${base}/journeys/${m.journey.id}/export.pdf?lang=sv&metric=csat&from=2026-01-01&to=2026-03-28`,
        });
        expect(withMetric.statusCode, withMetric.body.slice(0, 200)).toBe(200);
        expect(withMetric.rawPayload.subarray(0, 5).toString('latin1')).toBe('%PDF-');
        // A3 landscape: 420 × 297 mm is about 1191 × 842 pt (Chromium rounds to whole pixels).
        const box = /\/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]/.exec(pdf.rawPayload.toString('latin1'));
        expect(Number(box![1])).toBeCloseTo(1191, -1);
        expect(Number(box![2])).toBeCloseTo(842, -1);
        const gone = await outsider.browser.request({
          method: 'GET',
          url: `${base}/journeys/${m.journey.id}/export.png`,
        });
        expect(gone.statusCode).toBe(404);
      }, 60_000);
    });

    it('answers 503 EXPORT_UNAVAILABLE without Chromium', async () => {
      const t2 = await startTestApp(dialect, { POLKU_CHROMIUM_PATH: '/nonexistent/chromium' });
      try {
        const a = await createAccount(t2, 'nochrome');
        const b2 = `/api/v1/workspaces/${a.workspaceId}`;
        const j = (
          await a.browser.request({ method: 'POST', url: `${b2}/journeys`, payload: { name: 'J' } })
        ).json<Journey>();
        const res = await a.browser.request({
          method: 'GET',
          url: `${b2}/journeys/${j.id}/export.pdf`,
        });
        expect(res.statusCode).toBe(503);
        expect(res.json<ErrorBody>().error.code).toBe('EXPORT_UNAVAILABLE');
      } finally {
        await t2.close();
      }
    });
  });
}
