/**
 * Seeds the demo workspace's surveys, links and two years of responses through the same
 * services as real use (so validation and answer rows are exactly those of real intake).
 * Idempotent and resumable: surveys and links are found by name, the responses of a survey
 * end at the survey's creation and have fixed ids, so a run after an interruption stores only
 * what is missing and a run after a complete one stores nothing.
 */
import type { Question } from '@polku/contracts';
import { localDay, type IntakeInput, type WorkspaceContext } from '@polku/core';
import type { Runtime } from '../runtime.js';
import { generateResponses } from './responses.js';
import { demoSurveys, type DemoSurvey } from './surveys.js';
import { seedDemoEvents } from './events.js';
import { seedDemoTargets } from './targets.js';
import { seedDemoStudies } from './studies.js';
import { ensureDemoJourney, ensureDemoMarkers, type DemoJourney } from './journey.js';

/** Responses per submitBatch call: one transaction each. */
export const DEMO_BATCH = 500;
/** Batches submitted at the same time. */
const DEMO_CONCURRENCY = 4;

export interface DemoListeningResult {
  surveysCreated: number;
  responsesCreated: number;
}

export async function seedDemoListening(
  runtime: Runtime,
  workspaceId: string,
  ownerId: string,
): Promise<DemoListeningResult> {
  const { services, store } = runtime;
  const workspace = await store.workspaces.findById(workspaceId);
  if (!workspace) throw new Error(`demo workspace ${workspaceId} not found`);
  const ctx: WorkspaceContext = {
    workspace,
    actor: { kind: 'user', userId: ownerId, role: 'owner' },
    ip: null,
  };
  // The journey first: links carry its touchpoints, and intake places each response at its
  // link's touchpoint, so the links must point there before any response is stored.
  const journey = await ensureDemoJourney(runtime, ctx);
  const generated: Partial<Record<DemoSurvey['template'], IntakeInput[]>> = {};
  const existing = await services.surveys.list(ctx);
  const result: DemoListeningResult = { surveysCreated: 0, responsesCreated: 0 };
  const batches: IntakeInput[][] = [];
  const surveyIds = {} as Record<DemoSurvey['template'], string>;
  // Created last to first: lists show the newest first, so the NPS survey comes at the top.
  for (const spec of [...demoSurveys].reverse()) {
    let survey = existing.find((s) => s.name === spec.name);
    if (!survey) {
      survey = await services.surveys.create(ctx, {
        name: spec.name,
        purpose: spec.purpose,
        touchpointId: null,
        template: spec.template,
        languages: ['fi', 'sv', 'en'],
        defaultLanguage: 'fi',
      });
      result.surveysCreated++;
      if (spec.extraQuestions) await addQuestions(ctx, runtime, survey.id, spec.extraQuestions);
    }
    if (survey.publishedVersion === null) await services.surveys.publish(ctx, survey.id);
    // A demo seeded before a survey had its extra questions keeps the survey as it was: answers
    // to questions it does not have would be refused.
    const keys = new Set(
      (await services.surveys.get(ctx, survey.id)).draft.questions.map((q) => q.key),
    );
    surveyIds[spec.template] = survey.id;
    const linkIds = await ensureLinks(ctx, runtime, survey.id, spec, journey);
    // The history ends when the survey was created, so later runs regenerate the same one.
    const inputs = generateResponses(
      spec,
      { surveyId: survey.id, linkIds },
      {
        lastDay: localDay(survey.createdAt, workspace.timeZone),
        until: survey.createdAt,
        timeZone: workspace.timeZone,
      },
    ).map((input) => ({
      ...input,
      answers: Object.fromEntries(Object.entries(input.answers).filter(([k]) => keys.has(k))),
    }));
    generated[spec.template] = inputs;
    if (survey.responseCount >= inputs.length) continue;
    for (let i = 0; i < inputs.length; i += DEMO_BATCH)
      batches.push(inputs.slice(i, i + DEMO_BATCH));
  }
  // A few batches at a time: PostgreSQL runs them on separate connections (intake writes row
  // by row, so round trips dominate there); SQLite's one connection takes them in turn.
  const next = batches.entries();
  const submitter = async () => {
    for (const [, batch] of next) {
      const { created } = await services.responses.submitBatch(ctx, batch);
      result.responsesCreated += created;
    }
  };
  await Promise.all(Array.from({ length: DEMO_CONCURRENCY }, submitter));
  // The studies that fill the analysis views (drivers, gaps, Kano, emotions, incidents,
  // response rate) and put CSAT at every stage of the journey.
  const studies = await seedDemoStudies(runtime, ctx, journey, async (inputs) => {
    const parts: IntakeInput[][] = [];
    for (let i = 0; i < inputs.length; i += DEMO_BATCH) parts.push(inputs.slice(i, i + DEMO_BATCH));
    const counts = await Promise.all(
      parts.map(async (part) => (await services.responses.submitBatch(ctx, part)).created),
    );
    return counts.reduce((a, b) => a + b, 0);
  });
  result.surveysCreated += studies.surveysCreated;
  result.responsesCreated += studies.responsesCreated;
  await seedDemoTargets(runtime, ctx, surveyIds);
  await ensureDemoMarkers(runtime, ctx, journey, generated);
  const tp = journey.touchpoints;
  await seedDemoEvents(runtime, ctx, {
    webshop: tp.webshop,
    window: tp.window,
    checkout: tp.checkout,
    counter: tp.counter,
    courier: tp.courier,
    service: tp.complaints,
    subscription: tp.subscription,
  });
  return result;
}

/** Adds questions after the template's score question (before its open question). */
async function addQuestions(
  ctx: WorkspaceContext,
  { services }: Runtime,
  surveyId: string,
  questions: readonly Question[],
): Promise<void> {
  const { draft } = await services.surveys.get(ctx, surveyId);
  const [score, ...rest] = draft.questions;
  await services.surveys.update(ctx, surveyId, {
    draft: { ...draft, questions: [score!, ...questions, ...rest] },
  });
}

async function ensureLinks(
  ctx: WorkspaceContext,
  { services }: Runtime,
  surveyId: string,
  spec: DemoSurvey,
  journey: DemoJourney,
): Promise<Record<string, string>> {
  const links = await services.surveys.listLinks(ctx, surveyId);
  const ids: Record<string, string> = {};
  for (const l of spec.links) {
    const touchpointId = journey.touchpoints[l.touchpoint];
    const found = links.find((x) => x.name === l.name);
    const link =
      found ??
      (await services.surveys.createLink(ctx, surveyId, {
        name: l.name,
        channel: l.channel,
        touchpointId,
      }));
    // A link from a demo seeded before journeys existed: placed now (its earlier responses
    // keep having no touchpoint; a fresh demo has every response placed).
    if (link.touchpointId !== touchpointId)
      await services.surveys.updateLink(ctx, surveyId, link.id, { touchpointId });
    ids[l.key] = link.id;
  }
  return ids;
}
