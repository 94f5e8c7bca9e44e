import type { Question, SurveyDefinition } from '@polku/contracts';
import type { ValueMap, ValueMaps } from './value-maps.js';
import { normalizeText, partsOf } from './values.js';

export const importFormats = ['auto', 'csv', 'qualtrics', 'google-forms', 'surveymonkey'] as const;
export type ImportFormat = (typeof importFormats)[number];
export type Layout = Exclude<ImportFormat, 'auto'>;

/** Where one column's cells go: a question, or one part of a multi-part answer. */
export interface ColumnTarget {
  column: number;
  header: string;
  question: Question;
  part: string | null;
  /** The column's value map (`--values`): labels read as other cell texts. */
  values?: ValueMap | undefined;
}

/** What the header rows say about the file. */
export interface FileLayout {
  layout: Layout;
  /** How many records before the first response. */
  headerRows: number;
  /** Each column's header (its name, else its question text), by index. */
  headers: string[];
  idColumn: number;
  dateColumn: number;
  languageColumn: number;
  /** Qualtrics `Finished` (0/1, False/True) or a generic `status` (partial/complete). */
  finishedColumn: number;
  statusColumn: number;
  /** A generic file's `test` column (as Polku's export writes it): yes marks a test response. */
  testColumn: number;
  targets: ColumnTarget[];
  /** Columns mapped (`COLUMN=@key`) to a customer attribute known when the answer was given. */
  attributes: { column: number; header: string; key: string }[];
  /** Columns that are neither metadata nor mapped to a question. */
  ignored: string[];
  unmappedQuestions: string[];
}

/** The contracts' attribute key rule (attributeKeySchema), for a clear layout error. */
const ATTRIBUTE_KEY = /^[a-z][a-z0-9_]{0,63}$/;

const GOOGLE_TIMESTAMP = ['timestamp', 'aikaleima', 'tidstämpel', 'tidsstämpel'];
/** The date columns of a generic CSV, by normalised header, the first found read. */
const CSV_DATE_NAMES = [
  'submitted_at',
  'submittedat',
  'timestamp',
  'recorded_at',
  'date',
  'aikaleima',
  'päivämäärä',
  'vastattu',
  'datum',
  'tidpunkt',
];

/** Metadata columns per layout, by normalised header: known, read where said, never a question. */
const METADATA: Record<Layout, string[]> = {
  qualtrics: [
    'startdate',
    'enddate',
    'status',
    'ipaddress',
    'progress',
    'duration (in seconds)',
    'finished',
    'recordeddate',
    'responseid',
    'recipientlastname',
    'recipientfirstname',
    'recipientemail',
    'externalreference',
    'externaldatareference',
    'locationlatitude',
    'locationlongitude',
    'distributionchannel',
    'userlanguage',
    'q_language',
    'responseset',
    'name',
    'emailaddress',
  ],
  surveymonkey: [
    'respondent id',
    'collector id',
    'start date',
    'end date',
    'ip address',
    'email address',
    'first name',
    'last name',
    'custom data 1',
  ],
  'google-forms': [
    ...GOOGLE_TIMESTAMP,
    'email address',
    'sähköpostiosoite',
    'e-postadress',
    'score',
    'pisteet',
  ],
  csv: [
    'id',
    'response_id',
    'responseid',
    'respondent_id',
    ...CSV_DATE_NAMES,
    'day',
    'survey',
    'version',
    'status',
    'finished',
    'channel',
    'language',
    'touchpoint',
    'test',
  ],
};

/** Qualtrics adds `Q1_NPS_GROUP` (promoter, passive, detractor) beside an NPS question, with the same text. */
const isQualtricsGroup = (layout: Layout, name: string) =>
  layout === 'qualtrics' && /_NPS_GROUP$/i.test(name.trim());

/** Guesses the export a file came from by its first header row. */
export function detectLayout(firstRow: string[]): Layout {
  const names = new Set(firstRow.map(normalizeText));
  if (names.has('responseid')) return 'qualtrics';
  if (names.has('respondent id')) return 'surveymonkey';
  if (GOOGLE_TIMESTAMP.includes(normalizeText(firstRow[0] ?? ''))) return 'google-forms';
  return 'csv';
}

/** Thrown when the header rows cannot be mapped onto the survey (the import stops before reading responses). */
export class LayoutError extends Error {}

/** What the user said about the columns: `--map`, `--values`, `--date-column`. */
export interface ColumnChoices {
  /** Header (name or question text) → question key, `<key>_<part>`, `@attribute`, or '' to ignore. */
  maps: Map<string, string>;
  values: ValueMaps;
  dateColumn?: string | undefined;
}

/**
 * Reads the header rows: which columns are metadata, and which question each other column
 * answers: an explicit `--map`, else a header equal to a question key (or `<key>_<part>`),
 * else a header text equal to the question's text in any of its languages.
 */
export function resolveLayout(
  layout: Layout,
  head: string[][],
  definition: SurveyDefinition,
  { maps, values, dateColumn: dateColumnName }: ColumnChoices,
): FileLayout {
  const names = head[0] ?? [];
  let headerRows = 1;
  // Question texts: Qualtrics' second row; Google Forms and SurveyMonkey write them in the first.
  let texts: string[] = names;
  let subs: string[] = [];
  if (layout === 'qualtrics') {
    texts = head[1] ?? [];
    headerRows = (head[2] ?? []).some((c) => c.trim().startsWith('{"ImportId"')) ? 3 : 2;
  } else if (layout === 'surveymonkey') {
    // A question spanning several columns names itself only in its first one.
    let carried = '';
    texts = names.map((n) => (n.trim() ? (carried = n) : carried));
    subs = head[1] ?? [];
    headerRows = 2;
  }
  const normalizedNames = names.map(normalizeText);
  const find = (...candidates: string[]) =>
    normalizedNames.findIndex((n) => candidates.includes(n));
  const headers = names.map((n, c) => n.trim() || (texts[c] ?? '').trim());
  /** A column a user named: by its name, its question text, or its name in any case. */
  const named = (column: string) => {
    const c = names.findIndex((n, i) => n === column || texts[i] === column);
    return c >= 0 ? c : normalizedNames.indexOf(normalizeText(column));
  };

  const byKey = new Map(definition.questions.map((q) => [q.key, q]));
  const byText = new Map<string, Question>();
  for (const q of definition.questions)
    for (const t of Object.values(q.text)) if (t) byText.set(normalizeText(t), q);
  const byPart = new Map<string, { question: Question; part: string }>();
  for (const q of definition.questions)
    for (const part of partsOf(q)) byPart.set(`${q.key}_${part}`, { question: q, part });

  const targetOf = (key: string): { question: Question; part: string | null } | undefined => {
    const q = byKey.get(key);
    if (q) return { question: q, part: null };
    return byPart.get(key);
  };

  const metadata = new Set(METADATA[layout]);
  const targets: ColumnTarget[] = [];
  const attributes: FileLayout['attributes'] = [];
  const ignored: string[] = [];
  const usedMaps = new Set<string>();
  for (let c = 0; c < names.length; c++) {
    const name = names[c] ?? '';
    const text = (texts[c] ?? '').replace(/\s+-\s+Selected Choice$/i, '');
    const header = name.trim() || text.trim();
    if (!header && !(subs[c] ?? '').trim()) continue; // legacy Qualtrics' trailing comma
    let target: { question: Question; part: string | null } | undefined;
    const mapped = maps.get(name) ?? maps.get(text) ?? maps.get(normalizeText(name));
    if (mapped !== undefined) {
      usedMaps.add(maps.has(name) ? name : maps.has(text) ? text : normalizeText(name));
      // An empty key ignores the column (the web app's "ignore" choice; the CLI cannot say it).
      if (mapped === '') {
        ignored.push(header);
        continue;
      }
      if (mapped.startsWith('@')) {
        const key = mapped.slice(1);
        if (!ATTRIBUTE_KEY.test(key))
          throw new LayoutError(
            `--map ${header}=${mapped}: an attribute key is lowercase letters, digits and _, starting with a letter`,
          );
        attributes.push({ column: c, header, key });
        continue;
      }
      target = targetOf(mapped);
      if (!target)
        throw new LayoutError(`--map ${header}=${mapped}: the survey has no question "${mapped}"`);
    } else if (layout === 'google-forms' && c === 0) {
      continue;
    } else if (isQualtricsGroup(layout, name)) {
      continue;
    } else if (metadata.has(normalizeText(name)) && layout !== 'surveymonkey') {
      continue;
    } else if (layout === 'surveymonkey' && name.trim() && metadata.has(normalizeText(name))) {
      continue;
    } else {
      target = targetOf(name.trim()) ?? targetOf(name.trim().toLowerCase());
      const question = target ? undefined : byText.get(normalizeText(text));
      if (question) {
        target = { question, part: null };
        const sub = (subs[c] ?? '').trim();
        if (layout === 'surveymonkey' && question.type === 'multiple' && sub) {
          const option = question.options.find(
            (o) =>
              o.key === sub ||
              Object.values(o.label).some((l) => normalizeText(l ?? '') === normalizeText(sub)),
          );
          target = option ? { question, part: option.key } : undefined;
        }
      }
    }
    if (target) targets.push({ column: c, header, ...target });
    else ignored.push(header + ((subs[c] ?? '').trim() ? ` / ${subs[c]!.trim()}` : ''));
  }
  for (const key of maps.keys())
    if (!usedMaps.has(key))
      throw new LayoutError(`--map ${key}=…: the file has no column "${key}"`);
  for (const [column, map] of values) {
    const c = named(column);
    const answering = targets.filter((t) => t.column === c);
    if (c < 0) throw new LayoutError(`--values ${column}=…: the file has no column "${column}"`);
    if (!answering.length)
      throw new LayoutError(
        `--values ${column}=…: the column "${column}" answers no question (map it with --map ${column}=QUESTION_KEY)`,
      );
    for (const t of answering) t.values = map;
  }
  const whole = new Map<string, string>();
  for (const t of targets) {
    if (t.part !== null) continue;
    const earlier = whole.get(t.question.key);
    if (earlier !== undefined)
      throw new LayoutError(
        `Columns "${earlier}" and "${t.header}" both answer question "${t.question.key}"; use --map to choose.`,
      );
    whole.set(t.question.key, t.header);
  }
  if (targets.length === 0)
    throw new LayoutError(
      `No column matches a question of the survey (keys: ${definition.questions.map((q) => q.key).join(', ')}). Name columns by question key or text, or use --map COLUMN=KEY.`,
    );
  const answered = new Set(targets.map((t) => t.question.key));

  const isQualtrics = layout === 'qualtrics';
  const isMonkey = layout === 'surveymonkey';
  let chosenDate: number | undefined;
  if (dateColumnName !== undefined) {
    chosenDate = named(dateColumnName);
    if (chosenDate < 0)
      throw new LayoutError(`--date-column ${dateColumnName}: the file has no such column`);
    if (targets.some((t) => t.column === chosenDate))
      throw new LayoutError(
        `--date-column ${dateColumnName}: the column answers a question; leave it out with --map "${dateColumnName}="`,
      );
    const header = headers[chosenDate];
    ignored.splice(0, ignored.length, ...ignored.filter((h) => h !== header));
  }
  return {
    layout,
    headerRows,
    headers,
    idColumn: isQualtrics
      ? find('responseid')
      : isMonkey
        ? find('respondent id')
        : layout === 'csv'
          ? find('id', 'response_id', 'responseid', 'respondent_id')
          : -1,
    dateColumn:
      chosenDate ??
      (isQualtrics
        ? find('recordeddate') >= 0
          ? find('recordeddate')
          : find('enddate')
        : isMonkey
          ? find('end date')
          : layout === 'google-forms'
            ? 0
            : find(...CSV_DATE_NAMES)),
    languageColumn: isQualtrics
      ? find('userlanguage') >= 0
        ? find('userlanguage')
        : find('q_language')
      : layout === 'csv'
        ? find('language')
        : -1,
    finishedColumn: isQualtrics ? find('finished') : layout === 'csv' ? find('finished') : -1,
    statusColumn: layout === 'csv' ? find('status') : -1,
    testColumn: layout === 'csv' ? find('test') : -1,
    targets,
    attributes,
    ignored,
    unmappedQuestions: definition.questions.map((q) => q.key).filter((k) => !answered.has(k)),
  };
}
