/**
 * The journey map as one static HTML page for the server's PNG and PDF export: stages as
 * columns, touchpoint cards with their markers, and the blueprint lanes with the line of
 * visibility between frontstage and backstage. Every user text goes through `markup`, which
 * escapes it; the page has no script and loads nothing.
 */
import {
  heatLevel,
  heatSteps,
  type BlueprintLane,
  type HeatLevel,
  type JourneyMap,
  type JourneyMetrics,
  type Language,
  type MapTouchpoint,
  type SubExperience,
  type TouchpointChannel,
  type TouchpointOwnerType,
} from '@polku/contracts';
import { markup, type SafeHtml } from '../respondent/html.js';

interface Labels {
  stages: string;
  personas: string;
  goals: string;
  needs: string;
  touchpoints: string;
  lineOfVisibility: string;
  lanes: Record<BlueprintLane, string>;
  channels: Record<TouchpointChannel, string>;
  owners: Record<TouchpointOwnerType, string>;
  subExperiences: Record<SubExperience, string>;
  pain: string;
  delight: string;
  promise: string;
  hours: (h: number) => string;
  expectation: string;
  team: string;
  status: Record<JourneyMap['journey']['status'], string>;
  /** The live metric on the cards: the same words as the map's cards (locales/journeys). */
  metric: {
    names: Record<ExportMetricKind, string>;
    noAnswers: Record<ExportMetricKind, string>;
    levels: Record<HeatLevel, string>;
    target: string;
    average: string;
    journey: string;
  };
}

/** The metrics an export can carry (the question metrics of the map's metric picker). */
export const exportMetricKinds = ['nps', 'csat', 'ces'] as const;
export type ExportMetricKind = (typeof exportMetricKinds)[number];

const labels: Record<Language, Labels> = {
  fi: {
    stages: 'Vaihe',
    personas: 'Persoonat',
    goals: 'Tavoitteet',
    needs: 'Tarpeet',
    touchpoints: 'Kosketuspisteet',
    lineOfVisibility: 'Näkyvyysraja',
    lanes: {
      customerActions: 'Asiakkaan toiminta',
      frontstage: 'Asiakasrajapinta',
      backstage: 'Taustatoiminta',
      supportProcesses: 'Tukiprosessit',
      physicalEvidence: 'Fyysiset todisteet',
    },
    channels: {
      physical: 'Fyysinen',
      web: 'Verkko',
      mobile: 'Mobiili',
      phone: 'Puhelin',
      email: 'Sähköposti',
      chat: 'Chat',
      social: 'Some',
      print: 'Painotuote',
      brand_ads: 'Brändi ja mainonta',
    },
    owners: {
      company: 'Yritys',
      partner: 'Kumppani',
      customer: 'Asiakas',
      external_social: 'Ulkopuoliset',
    },
    subExperiences: { brand: 'Brändi', purchase: 'Ostaminen', service: 'Palvelu', use: 'Käyttö' },
    pain: 'Kipupiste',
    delight: 'Ilahduttava hetki',
    promise: 'Lupaus',
    hours: (h) => `${h} h`,
    expectation: 'Odotus',
    team: 'Tiimi',
    status: { draft: 'Luonnos', active: 'Käytössä', archived: 'Arkistoitu' },
    metric: {
      names: { nps: 'NPS', csat: 'CSAT', ces: 'CES' },
      noAnswers: { nps: 'Ei NPS-vastauksia', csat: 'Ei CSAT-vastauksia', ces: 'Ei CES-vastauksia' },
      levels: {
        muchBelow: 'selvästi alle',
        below: 'alle',
        near: 'lähellä',
        above: 'yli',
        muchAbove: 'selvästi yli',
      },
      target: 'tavoite',
      average: 'polun keskiarvo',
      journey: 'Koko polku',
    },
  },
  sv: {
    stages: 'Skede',
    personas: 'Personas',
    goals: 'Mål',
    needs: 'Behov',
    touchpoints: 'Kontaktpunkter',
    lineOfVisibility: 'Synlighetslinje',
    lanes: {
      customerActions: 'Kundens handlingar',
      frontstage: 'Frontstage',
      backstage: 'Backstage',
      supportProcesses: 'Stödprocesser',
      physicalEvidence: 'Fysiska bevis',
    },
    channels: {
      physical: 'Fysisk',
      web: 'Webb',
      mobile: 'Mobil',
      phone: 'Telefon',
      email: 'E-post',
      chat: 'Chatt',
      social: 'Sociala medier',
      print: 'Trycksak',
      brand_ads: 'Varumärke och reklam',
    },
    owners: {
      company: 'Företaget',
      partner: 'Partner',
      customer: 'Kunden',
      external_social: 'Utomstående',
    },
    subExperiences: { brand: 'Varumärke', purchase: 'Köp', service: 'Service', use: 'Användning' },
    pain: 'Smärtpunkt',
    delight: 'Glädjeögonblick',
    promise: 'Löfte',
    hours: (h) => `${h} h`,
    expectation: 'Förväntan',
    team: 'Team',
    status: { draft: 'Utkast', active: 'Aktiv', archived: 'Arkiverad' },
    metric: {
      names: { nps: 'NPS', csat: 'CSAT', ces: 'CES' },
      noAnswers: { nps: 'Inga NPS-svar', csat: 'Inga CSAT-svar', ces: 'Inga CES-svar' },
      levels: {
        muchBelow: 'klart under',
        below: 'under',
        near: 'nära',
        above: 'över',
        muchAbove: 'klart över',
      },
      target: 'målet',
      average: 'kundresans medelvärde',
      journey: 'Hela kundresan',
    },
  },
  en: {
    stages: 'Stage',
    personas: 'Personas',
    goals: 'Goals',
    needs: 'Needs',
    touchpoints: 'Touchpoints',
    lineOfVisibility: 'Line of visibility',
    lanes: {
      customerActions: 'Customer actions',
      frontstage: 'Frontstage',
      backstage: 'Backstage',
      supportProcesses: 'Support processes',
      physicalEvidence: 'Physical evidence',
    },
    channels: {
      physical: 'Physical',
      web: 'Web',
      mobile: 'Mobile',
      phone: 'Phone',
      email: 'Email',
      chat: 'Chat',
      social: 'Social media',
      print: 'Print',
      brand_ads: 'Brand and ads',
    },
    owners: {
      company: 'Company',
      partner: 'Partner',
      customer: 'Customer',
      external_social: 'External',
    },
    subExperiences: { brand: 'Brand', purchase: 'Purchase', service: 'Service', use: 'Use' },
    pain: 'Pain point',
    delight: 'Moment of delight',
    promise: 'Promise',
    hours: (h) => `${h} h`,
    expectation: 'Expectation',
    team: 'Team',
    status: { draft: 'Draft', active: 'Active', archived: 'Archived' },
    metric: {
      names: { nps: 'NPS', csat: 'CSAT', ces: 'CES' },
      noAnswers: { nps: 'No NPS answers', csat: 'No CSAT answers', ces: 'No CES answers' },
      levels: {
        muchBelow: 'well below',
        below: 'below',
        near: 'near',
        above: 'above',
        muchAbove: 'well above',
      },
      target: 'target',
      average: 'journey average',
      journey: 'Whole journey',
    },
  },
};

const LABEL_COLUMN = 170;
const STAGE_COLUMN = 250;
const GAP = 8;
const PADDING = 24;

/** The page's width in CSS pixels: the label column and one column per stage. */
export function mapWidth(map: JourneyMap): number {
  const columns = Math.max(1, map.stages.length);
  return PADDING * 2 + LABEL_COLUMN + columns * (STAGE_COLUMN + GAP);
}

const STYLE = `
* { box-sizing: border-box; }
body { margin: 0; padding: ${PADDING}px; font: 12px/1.35 "DejaVu Sans", Arial, sans-serif;
  color: #1a1b1e; background: #fff; }
h1 { font-size: 22px; margin: 0 0 4px; }
.meta { color: #555; margin: 0 0 12px; max-width: 1100px; }
.personas { display: flex; gap: 10px; flex-wrap: wrap; margin-bottom: 14px; }
.persona { border: 1px solid #c9c9d0; border-radius: 6px; padding: 6px 10px; max-width: 360px; }
.persona h3 { margin: 0 0 2px; font-size: 13px; }
.persona p, .persona ul { margin: 2px 0; }
.persona ul { padding-left: 16px; }
.grid { display: grid; grid-template-columns: ${LABEL_COLUMN}px repeat(var(--stages), ${STAGE_COLUMN}px);
  gap: ${GAP}px; align-items: stretch; }
.rowlabel { font-weight: bold; color: #444; padding: 6px 4px; }
.stage { background: #1c3d5a; color: #fff; font-weight: bold; font-size: 14px; padding: 8px 10px;
  border-radius: 6px; }
.stage small { display: block; font-weight: normal; opacity: .85; font-size: 11px; }
.cell { background: #f4f5f7; border-radius: 6px; padding: 6px; min-height: 36px; }
.card { background: #fff; border: 1px solid #b8c4d0; border-left: 4px solid #3a7bd5; border-radius: 5px;
  padding: 6px 8px; margin-bottom: 6px; break-inside: avoid; }
.card.partner { border-left-color: #d58a3a; }
.card.customer { border-left-color: #5aa05a; }
.card.external_social { border-left-color: #9b59b6; }
.card h4 { margin: 0 0 3px; font-size: 13px; }
.tags { color: #555; font-size: 11px; margin-bottom: 3px; }
.field { margin: 2px 0; font-size: 11px; }
.field b { color: #333; }
.marker { margin: 4px 0 0; padding: 3px 6px; border-radius: 4px; font-size: 11px; }
.marker.pain { background: #fde8e8; border: 1px solid #e7a1a1; }
.marker.delight { background: #e6f6e6; border: 1px solid #9fd19f; }
.marker q { display: block; font-style: italic; color: #444; }
.lane ul { margin: 0; padding-left: 16px; }
.visibility { grid-column: 1 / -1; border-top: 2px dashed #c0392b; color: #c0392b; font-weight: bold;
  font-size: 11px; padding-top: 2px; }
.metric { margin: 4px 0 0; padding: 3px 6px; border-radius: 4px; font-size: 11px; background: #f1f3f5; }
.metric b { font-size: 14px; }
.metric.muchBelow { background: #ffc9c9; }
.metric.below { background: #fff5f5; }
.metric.above { background: #ebfbee; }
.metric.muchAbove { background: #b2f2bb; }
@page { size: A3 landscape; }
`;

/** The live metric to draw on the cards, and how to write its numbers in the language. */
interface CardFigures {
  kind: ExportMetricKind;
  data: JourneyMetrics;
  score: (v: number) => string;
  count: (n: number) => string;
}

const arrows: Record<HeatLevel, string> = {
  muchBelow: '▼▼',
  below: '▼',
  near: '●',
  above: '▲',
  muchAbove: '▲▲',
};

/** Numbers as the map writes them (analytics/metric-format.ts): means with two decimals,
 * shares with a percent sign, in the language's own digits and minus sign. */
function figuresOf(kind: ExportMetricKind, data: JourneyMetrics, language: Language): CardFigures {
  const digits = data.scoreName === 'ces' || data.scoreName === 'mean' ? 2 : 1;
  const unit = data.scoreName === 'csat' ? ' %' : '';
  const number = new Intl.NumberFormat(language, {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  });
  const integer = new Intl.NumberFormat(language);
  return { kind, data, score: (v) => number.format(v) + unit, count: (n) => integer.format(n) };
}

/** A card's metric: score, level against its target or the journey average, and n. */
function cardMetric(tp: MapTouchpoint, f: CardFigures, l: Labels): SafeHtml | string {
  const figure = f.data.touchpoints.find((x) => x.touchpointId === tp.id);
  if (!figure) return '';
  const name = l.metric.names[f.kind];
  if (figure.score === null) return markup`<div class="metric">${l.metric.noAnswers[f.kind]}</div>`;
  const reference = figure.target?.target ?? f.data.journey.score;
  const level = heatLevel(figure, reference, heatSteps(f.data.scoreName));
  const against =
    reference === null
      ? ''
      : `${figure.target ? l.metric.target : l.metric.average} ${f.score(reference)}`;
  return markup`<div class="metric ${level ?? ''}">${name} <b>${f.score(figure.score)}</b>${
    level ? markup` ${arrows[level]} ${l.metric.levels[level]} ${against}` : ''
  } · n = ${f.count(figure.n)}</div>`;
}

function touchpointCard(tp: MapTouchpoint, l: Labels, f: CardFigures | null): SafeHtml {
  const promise = tp.promise
    ? `${tp.promise}${tp.promiseHours !== null ? ` (${l.hours(tp.promiseHours)})` : ''}`
    : null;
  return markup`<div class="card ${tp.ownerType}">
    <h4>${tp.name}</h4>
    <div class="tags">${l.channels[tp.channel]} · ${l.owners[tp.ownerType]}${
      tp.partnerName ? markup`: ${tp.partnerName}` : ''
    } · ${l.subExperiences[tp.subExperience]}</div>
    ${tp.description ? markup`<p class="field">${tp.description}</p>` : ''}
    ${tp.team ? markup`<p class="field"><b>${l.team}:</b> ${tp.team}</p>` : ''}
    ${promise ? markup`<p class="field"><b>${l.promise}:</b> ${promise}</p>` : ''}
    ${tp.expectation ? markup`<p class="field"><b>${l.expectation}:</b> ${tp.expectation}</p>` : ''}
    ${tp.markers.map(
      (m) =>
        markup`<div class="marker ${m.kind}"><b>${m.kind === 'pain' ? '⚠ ' + l.pain : '★ ' + l.delight}:</b> ${m.note}${
          m.comment ? markup`<q>${m.comment}</q>` : ''
        }</div>`,
    )}
    ${f ? cardMetric(tp, f, l) : ''}
  </div>`;
}

function laneRow(map: JourneyMap, lane: BlueprintLane, l: Labels): SafeHtml {
  return markup`<div class="rowlabel">${l.lanes[lane]}</div>${map.stages.map(
    (s) =>
      markup`<div class="cell lane">${
        s.lanes[lane].length
          ? markup`<ul>${s.lanes[lane].map((i) => markup`<li>${i}</li>`)}</ul>`
          : ''
      }</div>`,
  )}`;
}

/** The map's own labels in each language, exported so a test can hold them to the map's. */
export const exportLabels = labels;

/**
 * The whole page; with `metrics`, each card carries the live metric of the period (as the map
 * shows it) and the heading names the metric, the period and the journey's figure.
 */
export function journeyMapHtml(
  map: JourneyMap,
  language: Language,
  metrics: { kind: ExportMetricKind; data: JourneyMetrics } | null = null,
): string {
  const l = labels[language];
  const f = metrics ? figuresOf(metrics.kind, metrics.data, language) : null;
  const days = new Intl.DateTimeFormat(language, {
    day: 'numeric',
    month: 'numeric',
    year: 'numeric',
    timeZone: 'UTC',
  });
  const day = (d: string) => days.format(new Date(`${d}T00:00:00Z`));
  const { journey } = map;
  const page = markup`<!doctype html>
<html lang="${language}"><head><meta charset="utf-8"><title>${journey.name}</title>
<style>${STYLE}</style></head>
<body style="width: ${mapWidth(map)}px">
<h1>${journey.name}</h1>
<p class="meta">${l.status[journey.status]}${journey.description ? markup` · ${journey.description}` : ''}</p>
${
  f
    ? markup`<p class="meta" data-metric="${f.kind}">${l.metric.names[f.kind]} ${day(f.data.from)}–${day(
        f.data.to,
      )} · ${l.metric.journey}: ${
        f.data.journey.score === null ? '—' : f.score(f.data.journey.score)
      } (n = ${f.count(f.data.journey.n)})</p>`
    : ''
}
${
  map.personas.length
    ? markup`<div class="personas">${map.personas.map(
        (p) =>
          markup`<div class="persona"><h3>${p.name}</h3>${
            p.description ? markup`<p>${p.description}</p>` : ''
          }${p.goals.length ? markup`<p><b>${l.goals}:</b></p><ul>${p.goals.map((g) => markup`<li>${g}</li>`)}</ul>` : ''}${
            p.needs.length
              ? markup`<p><b>${l.needs}:</b></p><ul>${p.needs.map((g) => markup`<li>${g}</li>`)}</ul>`
              : ''
          }</div>`,
      )}</div>`
    : ''
}
<div class="grid" style="--stages: ${Math.max(1, map.stages.length)}">
  <div class="rowlabel">${l.stages}</div>
  ${map.stages.map(
    (s) =>
      markup`<div class="stage">${s.name}${s.description ? markup`<small>${s.description}</small>` : ''}</div>`,
  )}
  ${laneRow(map, 'customerActions', l)}
  <div class="rowlabel">${l.touchpoints}</div>
  ${map.stages.map((s) => markup`<div class="cell">${s.touchpoints.map((tp) => touchpointCard(tp, l, f))}</div>`)}
  ${laneRow(map, 'frontstage', l)}
  <div class="visibility">${l.lineOfVisibility}</div>
  ${laneRow(map, 'backstage', l)}
  ${laneRow(map, 'supportProcesses', l)}
  ${laneRow(map, 'physicalEvidence', l)}
</div>
</body></html>`;
  return page.toString();
}
