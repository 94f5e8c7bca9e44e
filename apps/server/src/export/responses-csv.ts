import type { AnswerValue, Question, SurveyDefinition } from '@polku/contracts';
import {
  answersFromRows,
  DomainError,
  type ResponseFilter,
  type Store,
  type SurveyRecord,
} from '@polku/core';

export interface ExportQuery {
  surveyId?: string | undefined;
  /** Local days (YYYY-MM-DD), inclusive. */
  from?: string | undefined;
  to?: string | undefined;
}

const METADATA_COLUMNS = [
  'id',
  'submitted_at',
  'day',
  'survey_id',
  'survey',
  'version',
  'status',
  'source',
  'channel',
  'language',
  'touchpoint',
  /** `yes` for a test response (left out of figures; the import reads it back), else `no`. */
  'test',
];

/** The columns a question's answer takes: one, or one per part (`kano_functional`). */
export function columnsOf(q: Question): string[] {
  switch (q.type) {
    case 'expectation':
      return [`${q.key}_expectation`, `${q.key}_outcome`];
    case 'kano':
      return [`${q.key}_functional`, `${q.key}_dysfunctional`];
    case 'incident':
      return [`${q.key}_what`, `${q.key}_when`, `${q.key}_why`, `${q.key}_valence`];
    case 'nps':
    case 'csat':
    case 'ces':
    case 'rating':
    case 'numeric':
    case 'goal':
    case 'single':
    case 'multiple':
    case 'text':
    case 'emotion':
      return [q.key];
  }
}

/**
 * An answer as cells. Lists are `;`-separated option keys; feelings are `happy:4;calm`
 * (the import reads all of these back).
 */
export function cellsOf(q: Question, value: AnswerValue): Record<string, string | number> {
  if (typeof value === 'number' || typeof value === 'string') return { [q.key]: value };
  switch (q.type) {
    case 'multiple':
      return { [q.key]: (value as string[]).join(';') };
    case 'emotion':
      return {
        [q.key]: (value as { emotion: string; intensity?: number }[])
          .map((e) => (e.intensity === undefined ? e.emotion : `${e.emotion}:${e.intensity}`))
          .join(';'),
      };
    case 'nps':
    case 'csat':
    case 'ces':
    case 'rating':
    case 'numeric':
    case 'goal':
    case 'single':
    case 'text':
    case 'expectation':
    case 'kano':
    case 'incident':
      return Object.fromEntries(
        Object.entries(value as Record<string, string | number>).map(([k, v]) => [
          `${q.key}_${k}`,
          v,
        ]),
      );
  }
}

const NEEDS_QUOTES = /[",\r\n]|^\s|\s$/;
const FORMULA = /^[=+\-@\t\r]/;

/**
 * One CSV cell. Text that a spreadsheet would run as a formula (starting with = + - @) gets a
 * leading apostrophe (OWASP's CSV-injection advice); numbers are written as they are.
 */
export function csvCell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return String(value);
  const text = FORMULA.test(value) ? `'${value}` : value;
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One response as export cells, by column name. */
export type ExportRow = Record<string, string | number>;

export interface ExportPlan {
  columns: string[];
  /** The responses a page at a time, newest first. */
  pages: AsyncGenerator<ExportRow[]>;
}

/**
 * Plans an export of a workspace's responses (checks the survey exists before anything is
 * sent): the columns (metadata, then one per question key) and the responses read a page at a
 * time, so memory stays flat at any size. CSV and XLSX writers both consume it.
 */
export async function planResponseExport(
  store: Store,
  workspaceId: string,
  query: ExportQuery,
  pageSize = 500,
): Promise<ExportPlan> {
  let surveys: SurveyRecord[];
  if (query.surveyId) {
    const survey = await store.surveys.findById(workspaceId, query.surveyId);
    if (!survey) throw new DomainError('NOT_FOUND', 'No such survey.');
    surveys = [survey];
  } else {
    surveys = await store.surveys.list(workspaceId);
  }
  const definitions = new Map<string, SurveyDefinition>();
  const names = new Map<string, string>();
  const questionColumns: string[] = [];
  const seen = new Set<string>();
  for (const survey of surveys) {
    names.set(survey.id, survey.name);
    // Newest version first, so columns follow the survey as it is now.
    for (let v = survey.publishedVersion ?? 0; v >= 1; v--) {
      const version = await store.surveys.findVersion(workspaceId, survey.id, v);
      if (!version) continue;
      definitions.set(`${survey.id}@${v}`, version.definition);
      for (const q of version.definition.questions)
        for (const c of columnsOf(q))
          if (!seen.has(c)) {
            seen.add(c);
            questionColumns.push(c);
          }
    }
  }
  const columns = [...METADATA_COLUMNS, ...questionColumns];
  const filter: ResponseFilter = { surveyId: query.surveyId, fromDay: query.from, toDay: query.to };

  async function* pages(): AsyncGenerator<ExportRow[]> {
    if (query.surveyId === undefined && surveys.length === 0) return;
    let before: string | undefined;
    for (;;) {
      const page = await store.responses.list(workspaceId, filter, pageSize, before);
      if (page.length === 0) return;
      const answers = await store.responses.answersOf(
        workspaceId,
        page.map((r) => r.id),
      );
      yield page.map((r) => {
        const definition = definitions.get(`${r.surveyId}@${r.surveyVersion}`);
        const cells: ExportRow = {
          id: r.id,
          submitted_at: new Date(r.submittedAt).toISOString(),
          day: r.day,
          survey_id: r.surveyId,
          survey: names.get(r.surveyId) ?? '',
          version: r.surveyVersion,
          status: r.status,
          source: r.source,
          channel: r.channel,
          language: r.language,
          touchpoint: r.touchpointId ?? '',
          test: r.isTest ? 'yes' : 'no',
        };
        if (definition) {
          const values = answersFromRows(definition, answers.get(r.id) ?? []);
          for (const q of definition.questions) {
            const value = values[q.key];
            if (value !== undefined) Object.assign(cells, cellsOf(q, value));
          }
        }
        return cells;
      });
      if (page.length < pageSize) return;
      before = page.at(-1)!.id;
    }
  }
  return { columns, pages: pages() };
}

/**
 * The export as CSV text chunks: a byte-order mark so Excel reads UTF-8, the header, then a
 * chunk per page of responses.
 */
export async function* writeResponsesCsv(plan: ExportPlan): AsyncGenerator<string> {
  yield `\uFEFF${plan.columns.map(csvCell).join(',')}\r\n`;
  for await (const page of plan.pages) {
    yield page
      .map((cells) => `${plan.columns.map((c) => csvCell(cells[c])).join(',')}\r\n`)
      .join('');
  }
}
