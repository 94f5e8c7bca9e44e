import { journeyTemplates, languages } from '@polku/contracts';
import { describe, expect, it } from 'vitest';
import type { TargetRecord } from '../targets/ports.js';
import { targetFor } from './journey-metrics.service.js';
import { journeyTemplate } from './templates.js';

describe('journey templates', () => {
  it('have the same shape and every text in fi, sv and en', () => {
    for (const key of journeyTemplates) {
      const shapes = languages.map((l) => {
        const tpl = journeyTemplate(key, l);
        const texts = [
          tpl.name,
          tpl.description,
          ...tpl.stages.flatMap((s) => [
            s.name,
            ...Object.values(s.lanes).flat(),
            ...s.touchpoints.flatMap((p) => [p.name, p.partnerName ?? 'x', p.promise ?? 'x']),
          ]),
        ];
        for (const text of texts) expect(text.trim(), `${key}/${l}`).not.toBe('');
        return tpl.stages.map((s) => s.touchpoints.map((p) => [p.channel, p.ownerType]));
      });
      expect(shapes[1]).toEqual(shapes[0]);
      expect(shapes[2]).toEqual(shapes[0]);
      // A partner name exactly where a partner owns the touchpoint.
      for (const s of journeyTemplate(key, 'fi').stages)
        for (const p of s.touchpoints)
          expect(p.partnerName !== null).toBe(p.ownerType === 'partner');
    }
  });
});

describe("a touchpoint's target", () => {
  const target = (id: string, over: Partial<TargetRecord>): TargetRecord => ({
    workspaceId: 'w',
    id,
    name: id,
    metric: { kind: 'nps' },
    scope: { kind: 'touchpoint', id: 'tp' },
    period: { kind: 'recurring', every: 'month' },
    target: 40,
    goal: 'g',
    ownerUserId: 'u',
    alertOnMiss: false,
    alertOnDrop: false,
    notifyAdmins: false,
    createdAt: 0,
    updatedAt: 0,
    ...over,
  });

  it('is one of the same metric kind, scoped to the touchpoint, of the same survey and question', () => {
    const targets = [
      target('workspace', { scope: { kind: 'workspace' } }),
      target('other-tp', { scope: { kind: 'touchpoint', id: 'other' } }),
      target('csat', { metric: { kind: 'csat' } }),
      target('other-survey', { metric: { kind: 'nps', surveyId: 's2', question: 'nps' } }),
      target('right', { metric: { kind: 'nps', surveyId: 's1', question: 'nps' }, target: 35 }),
    ];
    expect(targetFor(targets, 'tp', { kind: 'nps', surveyId: 's1', question: 'nps' })).toEqual({
      id: 'right',
      name: 'right',
      target: 35,
    });
    // Any NPS: the first NPS target of the touchpoint.
    expect(targetFor(targets, 'tp', { kind: 'nps' })?.id).toBe('other-survey');
    expect(targetFor(targets, 'tp', { kind: 'ces' })).toBeNull();
    expect(targetFor(targets, 'none', { kind: 'nps' })).toBeNull();
  });
});
