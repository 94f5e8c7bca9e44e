import {
  answerValueSchema,
  languages,
  type AnswerValue,
  type Language,
  type SurveyDefinition,
} from '@polku/contracts';
import type { IntakeInput, SurveyRecord, WorkspaceRecord } from '@polku/core';
import type { CsvRecord } from './csv-reader.js';
import { importedResponseId } from './ids.js';
import { ImportError } from './import-error.js';
import type { ColumnTarget, FileLayout } from './layouts.js';
import type { DecimalMark } from './numbers.js';
import type { BuiltRow } from './run-import.js';
import { labelKey } from './value-maps.js';
import { addPart, readCell, readFlag } from './values.js';

/** Qualtrics `Finished` and a generic `finished` column: these mean the response is partial. */
const UNFINISHED = new Set(['0', 'false', 'no', 'partial']);

/** Every value a value map gives must be one its column's question reads: checked before any row. */
export function checkValueMaps(layout: FileLayout, decimal: DecimalMark): void {
  for (const t of layout.targets) {
    if (!t.values) continue;
    for (const label of t.values.labels) {
      const value = t.values.byLabel.get(labelKey(label))!;
      if (value === '') continue;
      const read =
        t.part === null
          ? readCell(t.question, value, decimal)
          : addPart(t.question, undefined, t.part, value, decimal);
      if (read && !read.ok)
        throw new ImportError(
          `--values ${t.header}: "${label}" = "${value}" is no answer to ${t.question.key}: ${read.reason}`,
        );
    }
  }
}

/** The header(s) a refused field of the intake is read from. */
export function columnOf(layout: FileLayout, field: string): string | undefined {
  const answer = /^answers\.([^.]+)/.exec(field);
  if (answer) {
    const headers = layout.targets.filter((t) => t.question.key === answer[1]).map((t) => t.header);
    return headers.length ? headers.join(' / ') : undefined;
  }
  const column = field.startsWith('submittedAt')
    ? layout.dateColumn
    : field.startsWith('language')
      ? layout.languageColumn
      : -1;
  return column >= 0 ? layout.headers[column] : undefined;
}

/** A language cell (`FI`, `sv`, `EN-GB`, `en_US`) as a language Polku knows, or why not. */
function readLanguage(cell: string): { language: Language | undefined } | { reason: string } {
  if (!cell) return { language: undefined };
  const code = cell.split(/[-_]/)[0]!.toLowerCase();
  const language = languages.find((l) => l === code);
  return language
    ? { language }
    : { reason: `"${cell}" is not a language Polku offers (${languages.join(', ')})` };
}

/** Turns a record into an intake input, or the problems of its cells. */
export function rowBuilder(ctx: {
  layout: FileLayout;
  definition: SurveyDefinition;
  survey: SurveyRecord;
  workspace: WorkspaceRecord;
  decimal: DecimalMark;
  missing: Set<string>;
  parseDate: (value: string) => { ok: true; instant: number } | { ok: false; reason: string };
  defaultDate: number | undefined;
  noteLabel: (target: ColumnTarget, cell: string) => void;
}): (record: CsvRecord) => BuiltRow<IntakeInput> {
  const { layout, survey, workspace, missing } = ctx;
  return (record) => {
    const { fields } = record;
    const cell = (column: number) => (column >= 0 ? (fields[column] ?? '').trim() : '');
    const problems: { column?: string; reason: string }[] = [];
    const answers: Record<string, unknown> = {};
    for (const t of layout.targets) {
      const raw = fields[t.column] ?? '';
      const mapped = t.values?.byLabel.get(labelKey(raw));
      const text = mapped ?? raw;
      if (missing.has(text.trim())) continue;
      const key = t.question.key;
      const read =
        t.part === null
          ? readCell(t.question, text, ctx.decimal)
          : addPart(t.question, answers[key], t.part, text, ctx.decimal);
      if (mapped !== undefined || (read && !read.ok)) ctx.noteLabel(t, raw);
      if (!read) continue;
      if (!read.ok) {
        const known =
          t.values && mapped === undefined
            ? `; the column's value map knows ${t.values.labels.map((l) => `"${l}"`).join(', ')}`
            : '';
        problems.push({ column: t.header, reason: read.reason + known });
        continue;
      }
      answers[key] = read.value;
    }
    for (const [key, value] of Object.entries(answers)) {
      if (typeof value === 'object' && !answerValueSchema.safeParse(value).success)
        problems.push({ reason: `${key}: cannot read ${JSON.stringify(value)} as an answer` });
    }

    const attributes: Record<string, string> = {};
    for (const a of layout.attributes) {
      const value = cell(a.column);
      if (!value || missing.has(value)) continue;
      if (value.length > 200)
        problems.push({ column: a.header, reason: 'an attribute value is at most 200 characters' });
      attributes[a.key] = value;
    }

    let submittedAt = ctx.defaultDate;
    const dateCell = cell(layout.dateColumn);
    const dateHeader = layout.headers[layout.dateColumn];
    if (dateCell) {
      const parsed = ctx.parseDate(dateCell);
      if (parsed.ok) submittedAt = parsed.instant;
      else problems.push({ column: dateHeader, reason: parsed.reason });
    } else if (submittedAt === undefined) {
      problems.push({
        column: dateHeader,
        reason: 'no date: every response needs one (give --date for rows without one)',
      });
    }
    const language = readLanguage(cell(layout.languageColumn));
    if ('reason' in language)
      problems.push({ column: layout.headers[layout.languageColumn], reason: language.reason });
    const test = readFlag(cell(layout.testColumn));
    if (!test.ok) problems.push({ column: layout.headers[layout.testColumn], reason: test.reason });
    if (problems.length) return { problems };

    const sourceId = cell(layout.idColumn);
    const finished = cell(layout.finishedColumn).toLowerCase();
    const status = cell(layout.statusColumn).toLowerCase();
    return {
      input: {
        id: importedResponseId(
          workspace.id,
          survey.id,
          sourceId ? { sourceId } : { fields },
          submittedAt,
        ),
        surveyId: survey.id,
        submittedAt,
        language: 'language' in language ? language.language : undefined,
        partial: UNFINISHED.has(finished) || status === 'partial',
        answers: answers as Record<string, AnswerValue>,
        ...(Object.keys(attributes).length > 0 && { attributes }),
        ...(test.ok && test.value && { test: true }),
        source: 'import',
      },
    };
  };
}
