import type { AlertCondition, Language, MetricKind } from '@polku/contracts';
import type { MailContent } from '../mail/templates.js';

export interface AlertMailValues {
  workspaceName: string;
  targetName: string;
  goal: string;
  condition: AlertCondition;
  kind: MetricKind;
  period: { from: string; to: string };
  score: number | null;
  ci95: readonly [number, number] | null;
  n: number;
  target: number;
  previousScore: number | null;
  difference: number | null;
  pValue: number | null;
  link: string;
}

const metricNames: Record<MetricKind, string> = {
  nps: 'NPS',
  enps: 'eNPS',
  csat: 'CSAT',
  ces: 'CES',
  rating: 'rating',
  numeric: 'mean',
  goal: 'goal',
  cx_index: 'CX index',
  csi: 'CSI',
};

/** One decimal, with the language's decimal separator. */
function num(language: Language, x: number | null): string {
  if (x === null) return '–';
  return new Intl.NumberFormat(language === 'en' ? 'en-GB' : language, {
    maximumFractionDigits: 1,
    minimumFractionDigits: 1,
  }).format(x);
}

function pText(language: Language, p: number): string {
  const fmt = (x: number) =>
    new Intl.NumberFormat(language === 'en' ? 'en-GB' : language, {
      maximumFractionDigits: 3,
      minimumFractionDigits: 3,
    }).format(x);
  return p < 0.001 ? `< ${fmt(0.001)}` : fmt(p);
}

/**
 * The alert email in the recipient's language: what happened, the figure with its interval
 * and n (never a bare number), the goal it serves and the link to the chart.
 */
export function metricAlertMail(language: Language, v: AlertMailValues): MailContent {
  const metric = metricNames[v.kind];
  const ci = v.ci95 ? `${num(language, v.ci95[0])} – ${num(language, v.ci95[1])}` : '–';
  const period = `${v.period.from} – ${v.period.to}`;
  const p = v.pValue === null ? '–' : pText(language, v.pValue);
  switch (language) {
    case 'fi': {
      const what =
        v.condition === 'missed'
          ? `${metric} jää tavoitteesta ${num('fi', v.target)}: ${num('fi', v.score)} (95 %:n luottamusväli ${ci}, n = ${v.n}). Koko väli on tavoitteen alapuolella.`
          : `${metric} laski merkitsevästi edellisestä jaksosta: ${num('fi', v.previousScore)} → ${num('fi', v.score)} (muutos ${num('fi', v.difference)}, p = ${p}, n = ${v.n}).`;
      return {
        subject: `Hälytys: ${v.targetName} – Polku`,
        text: `Hei,\n\ntyötilan "${v.workspaceName}" tavoite "${v.targetName}" (jakso ${period}):\n\n${what}\n\nTavoite palvelee liiketoimintatavoitetta: ${v.goal}\n\nKatso kaavio:\n${v.link}\n\nSaat tämän hälytyksen kerran tästä tilanteesta tällä jaksolla.\n\n– Polku`,
      };
    }
    case 'sv': {
      const what =
        v.condition === 'missed'
          ? `${metric} når inte målet ${num('sv', v.target)}: ${num('sv', v.score)} (95 % konfidensintervall ${ci}, n = ${v.n}). Hela intervallet ligger under målet.`
          : `${metric} sjönk signifikant jämfört med föregående period: ${num('sv', v.previousScore)} → ${num('sv', v.score)} (förändring ${num('sv', v.difference)}, p = ${p}, n = ${v.n}).`;
      return {
        subject: `Larm: ${v.targetName} – Polku`,
        text: `Hej,\n\nmålet "${v.targetName}" i arbetsytan "${v.workspaceName}" (period ${period}):\n\n${what}\n\nMålet tjänar affärsmålet: ${v.goal}\n\nSe diagrammet:\n${v.link}\n\nDu får det här larmet en gång för den här situationen under perioden.\n\n– Polku`,
      };
    }
    case 'en': {
      const what =
        v.condition === 'missed'
          ? `${metric} misses the target of ${num('en', v.target)}: ${num('en', v.score)} (95% interval ${ci}, n = ${v.n}). The whole interval is below the target.`
          : `${metric} dropped significantly against the previous period: ${num('en', v.previousScore)} → ${num('en', v.score)} (change ${num('en', v.difference)}, p = ${p}, n = ${v.n}).`;
      return {
        subject: `Alert: ${v.targetName} – Polku`,
        text: `Hello,\n\nthe target "${v.targetName}" in the workspace "${v.workspaceName}" (period ${period}):\n\n${what}\n\nThe target serves the business goal: ${v.goal}\n\nSee the chart:\n${v.link}\n\nYou get this alert once for this condition in this period.\n\n– Polku`,
      };
    }
  }
}
