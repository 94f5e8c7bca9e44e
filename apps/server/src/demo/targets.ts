/**
 * The flower shop's targets, each tied to the business goal it serves. Found by name, so a
 * second run adds nothing. Alerts stay off: the demo should not mail anyone by itself.
 */
import type { CreateTargetBody } from '@polku/contracts';
import type { WorkspaceContext } from '@polku/core';
import type { Runtime } from '../runtime.js';

function demoTargets(
  surveyIds: Record<'nps' | 'csat' | 'ces', string>,
  ownerUserId: string,
): CreateTargetBody[] {
  const common = { ownerUserId, alertOnMiss: false, alertOnDrop: false, notifyAdmins: false };
  return [
    {
      ...common,
      name: 'Suositteluhalukkuus',
      metric: { kind: 'nps' },
      scope: { kind: 'workspace' },
      period: { kind: 'recurring', every: 'quarter' },
      target: 40,
      goal: 'Uudet asiakkaat tulevat suositusten kautta: kasvu ilman mainoskulujen kasvua.',
    },
    {
      ...common,
      name: 'Toimitukset onnistuvat',
      metric: { kind: 'csat', surveyId: surveyIds.csat, question: 'csat' },
      scope: { kind: 'survey', id: surveyIds.csat },
      period: { kind: 'recurring', every: 'month' },
      target: 85,
      goal: 'Kukat perille ajallaan ja hyväkuntoisina: kuriirikumppanin palvelutaso sesonkeina.',
    },
    {
      ...common,
      name: 'Asioinnin helppous',
      metric: { kind: 'ces', surveyId: surveyIds.ces, question: 'ces' },
      scope: { kind: 'survey', id: surveyIds.ces },
      period: { kind: 'recurring', every: 'quarter' },
      target: 5.5,
      goal: 'Tilaaminen verkkokaupasta on vaivatonta: vähemmän yhteydenottoja asiakaspalveluun.',
    },
  ];
}

export async function seedDemoTargets(
  runtime: Runtime,
  ctx: WorkspaceContext,
  surveyIds: Record<'nps' | 'csat' | 'ces', string>,
): Promise<number> {
  const { targets } = runtime.services;
  const existing = new Set((await targets.list(ctx)).map((t) => t.name));
  let created = 0;
  for (const body of demoTargets(surveyIds, ctx.actor.kind === 'user' ? ctx.actor.userId : '')) {
    if (existing.has(body.name)) continue;
    await targets.create(ctx, body);
    created++;
  }
  return created;
}
