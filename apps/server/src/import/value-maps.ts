import { readFile } from 'node:fs/promises';
import { CsvParser, detectDelimiter } from './csv-reader.js';

/** One column's value map: each label a cell may hold, and the cell text it stands for. */
export interface ValueMap {
  /** The labels as given, in order (an error lists them). */
  labels: string[];
  /** By labelKey: the text the cell is read as (`''`: not answered). */
  byLabel: Map<string, string>;
}

/** Column (as `--map` names it) → its value map. */
export type ValueMaps = Map<string, ValueMap>;

/** A value map that cannot be read: the command line prints it with the usage. */
export class ValueMapError extends Error {}

/** How a cell and a label are compared: case, accents' encoding and runs of spaces aside. */
export function labelKey(s: string): string {
  return s.normalize('NFC').trim().replace(/\s+/g, ' ').toLowerCase();
}

/** Adds `label → value` pairs to the maps, refusing a label given twice with two values. */
export function addToValueMaps(
  maps: ValueMaps,
  column: string,
  pairs: Iterable<[label: string, value: string]>,
): void {
  const map = maps.get(column) ?? { labels: [], byLabel: new Map<string, string>() };
  for (const [label, value] of pairs) {
    const key = labelKey(label);
    const before = map.byLabel.get(key);
    if (before !== undefined && before !== value)
      throw new ValueMapError(
        `${column}: the label "${label}" is given twice, as "${before}" and "${value}" (labels are compared ignoring case and spacing)`,
      );
    if (before === undefined) map.labels.push(label.trim());
    map.byLabel.set(key, value.trim());
  }
  maps.set(column, map);
}

/**
 * Splits `--values` text into tokens at unquoted `=` and `,`: each token trimmed, or written in
 * double quotes to hold `=`, `,`, or surrounding spaces (`""` for a quote inside).
 */
function tokenize(text: string): { token: string; end: '=' | ',' | '' }[] {
  const out: { token: string; end: '=' | ',' | '' }[] = [];
  let i = 0;
  for (;;) {
    while (text[i] === ' ') i++;
    let token = '';
    if (text[i] === '"') {
      let closed = false;
      for (i++; i < text.length; i++) {
        if (text[i] !== '"') token += text[i];
        else if (text[i + 1] === '"') {
          token += '"';
          i++;
        } else {
          closed = true;
          i++;
          break;
        }
      }
      if (!closed) throw new ValueMapError(`a quoted label in "${text}" is never closed`);
      while (text[i] === ' ') i++;
      if (i < text.length && text[i] !== '=' && text[i] !== ',')
        throw new ValueMapError(`after the quoted "${token}", write = or ,`);
    } else {
      while (i < text.length && text[i] !== '=' && text[i] !== ',') token += text[i++];
      token = token.trim();
    }
    const end = i < text.length ? (text[i] as '=' | ',') : '';
    out.push({ token, end });
    if (!end) return out;
    i++;
  }
}

/**
 * One `--values` argument: `COLUMN=LABEL=VALUE,LABEL=VALUE…`, e.g.
 * `Q1=Horrendous=1,Meh=2,"Good, really"=4`. Column, label and value are split at `=` and `,`;
 * quote any that holds one (`"Rate = score"=Yes=1`). An empty value reads the label as not
 * answered (`"En osaa sanoa"=`).
 */
export function parseValuesArgument(text: string): { column: string; pairs: [string, string][] } {
  const tokens = tokenize(text);
  const [column, ...rest] = tokens;
  if (!column || column.end !== '=' || !column.token)
    throw new ValueMapError(`--values ${text}: write COLUMN=LABEL=VALUE,LABEL=VALUE…`);
  const pairs: [string, string][] = [];
  for (let i = 0; i < rest.length; i += 2) {
    const label = rest[i]!;
    const value = rest[i + 1];
    if (label.end !== '=' || !value || value.end === '=')
      throw new ValueMapError(
        `--values ${text}: each label needs one value, LABEL=VALUE, separated by commas (quote a label that holds = or ,)`,
      );
    if (!label.token) throw new ValueMapError(`--values ${text}: a label is empty`);
    pairs.push([label.token, value.token]);
  }
  if (pairs.length === 0)
    throw new ValueMapError(`--values ${text}: give at least one LABEL=VALUE`);
  return { column: column.token, pairs };
}

/**
 * `--values-file`: a JSON object `{"COLUMN": {"LABEL": VALUE, …}, …}` (values numbers or
 * text), or, for any other extension, a CSV file with the columns `column`, `label` and `value`
 * (any delimiter, UTF-8).
 */
export async function readValuesFile(path: string, maps: ValueMaps): Promise<void> {
  let text: string;
  try {
    text = (await readFile(path, 'utf8')).replace(/^\uFEFF/, '');
  } catch {
    throw new ValueMapError(`--values-file ${path}: cannot read the file`);
  }
  if (/\.json$/i.test(path)) {
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (e) {
      throw new ValueMapError(`--values-file ${path}: not JSON (${(e as Error).message})`);
    }
    if (typeof json !== 'object' || json === null || Array.isArray(json))
      throw new ValueMapError(`--values-file ${path}: write {"COLUMN": {"LABEL": VALUE}}`);
    for (const [column, labels] of Object.entries(json)) {
      if (typeof labels !== 'object' || labels === null || Array.isArray(labels))
        throw new ValueMapError(`--values-file ${path}: "${column}" needs {"LABEL": VALUE}`);
      const pairs = Object.entries(labels as Record<string, unknown>).map(([label, value]) => {
        if (typeof value !== 'string' && typeof value !== 'number')
          throw new ValueMapError(
            `--values-file ${path}: ${column} "${label}": a value is a number or text`,
          );
        return [label, String(value)] as [string, string];
      });
      addToValueMaps(maps, column, pairs);
    }
    return;
  }
  const parser = new CsvParser(detectDelimiter(text.slice(0, 4096)));
  let records;
  try {
    records = [...parser.feed(text), ...parser.end()];
  } catch (e) {
    throw new ValueMapError(`--values-file ${path}: ${(e as Error).message}`);
  }
  const [header, ...rows] = records.filter((r) => r.fields.some((f) => f.trim()));
  const names = (header?.fields ?? []).map((f) => f.trim().toLowerCase());
  const [c, l, v] = ['column', 'label', 'value'].map((n) => names.indexOf(n));
  if (c! < 0 || l! < 0 || v! < 0)
    throw new ValueMapError(
      `--values-file ${path}: the first line names the columns column, label, value`,
    );
  for (const row of rows) {
    const column = (row.fields[c!] ?? '').trim();
    const label = row.fields[l!] ?? '';
    if (!column || !label.trim())
      throw new ValueMapError(`--values-file ${path}: line ${row.line} needs a column and a label`);
    addToValueMaps(maps, column, [[label, row.fields[v!] ?? '']]);
  }
}
