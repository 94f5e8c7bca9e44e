import { createReadStream } from 'node:fs';
import { createDecoder, type TextEncoding } from './encoding.js';

/** One CSV record and the (1-based) line of the file it starts on. */
export interface CsvRecord {
  fields: string[];
  line: number;
}

/** The characters that may separate the fields of a record. */
export const csvDelimiters = [',', ';', '\t'] as const;
export type CsvDelimiter = (typeof csvDelimiters)[number];

/** A quoted field that never closes: the file ends inside it. */
export class UnclosedQuoteError extends Error {
  constructor(readonly line: number) {
    super(
      `The quoted field that begins on line ${line} is never closed: a " is missing, so the rest of the file would be read as one cell.`,
    );
  }
}

const QUOTE = 34;
const CR = 13;
const LF = 10;

/**
 * An RFC 4180 parser fed text chunk by chunk: quoted fields may hold delimiters, doubled
 * quotes and line breaks; lines end in LF or CRLF (a lone CR counts as a line end too). It
 * keeps only the record in progress, so memory stays flat however long the file is. The
 * delimiter is a comma unless told otherwise (`;` from Excel in Finnish, a tab from "Unicode
 * text").
 */
export class CsvParser {
  private readonly delimiter: number;
  private fields: string[] = [];
  private field = '';
  private inQuotes = false;
  /** The line the open quoted field began on, for the error when it never closes. */
  private quoteLine = 0;
  /** A quote inside a quoted field: either the field's end or the first half of `""`. */
  private quotePending = false;
  private afterCr = false;
  private line = 1;
  private recordLine = 1;
  private started = false;

  constructor(delimiter: CsvDelimiter = ',') {
    this.delimiter = delimiter.charCodeAt(0);
  }

  feed(text: string): CsvRecord[] {
    const out: CsvRecord[] = [];
    const n = text.length;
    let i = 0;
    while (i < n) {
      const c = text.charCodeAt(i);
      if (this.afterCr) {
        this.afterCr = false;
        if (c === LF) {
          i++;
          continue;
        }
      }
      if (this.inQuotes) {
        if (this.quotePending) {
          this.quotePending = false;
          if (c === QUOTE) {
            this.field += '"';
            i++;
            continue;
          }
          this.inQuotes = false;
          continue; // the quote closed the field: read c again, unquoted
        }
        const q = text.indexOf('"', i);
        const end = q < 0 ? n : q;
        const part = text.slice(i, end);
        this.field += part;
        this.line += countLineBreaks(part);
        if (q < 0) return out;
        this.quotePending = true;
        i = q + 1;
        continue;
      }
      if (!this.started) {
        this.started = true;
        this.recordLine = this.line;
      }
      if (c === this.delimiter) {
        this.fields.push(this.field);
        this.field = '';
        i++;
      } else if (c === LF || c === CR) {
        this.fields.push(this.field);
        this.field = '';
        out.push({ fields: this.fields, line: this.recordLine });
        this.fields = [];
        this.started = false;
        this.line++;
        this.afterCr = c === CR;
        i++;
      } else if (c === QUOTE && this.field === '') {
        this.inQuotes = true;
        this.quoteLine = this.line;
        i++;
      } else {
        // A run of plain characters up to the next delimiter.
        let j = i + 1;
        while (j < n) {
          const d = text.charCodeAt(j);
          if (d === this.delimiter || d === LF || d === CR) break;
          j++;
        }
        this.field += text.slice(i, j);
        i = j;
      }
    }
    return out;
  }

  /**
   * The last record when the file does not end in a line break. Throws UnclosedQuoteError when
   * the file ends inside a quoted field (a quote just before the end closes it).
   */
  end(): CsvRecord[] {
    if (this.inQuotes && !this.quotePending) throw new UnclosedQuoteError(this.quoteLine);
    if (!this.started && !this.inQuotes) return [];
    this.fields.push(this.field);
    const record = { fields: this.fields, line: this.recordLine };
    this.fields = [];
    this.field = '';
    this.started = false;
    this.inQuotes = false;
    this.quotePending = false;
    return [record];
  }
}

function countLineBreaks(s: string): number {
  let count = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === LF) count++;
    else if (c === CR && s.charCodeAt(i + 1) !== LF) count++;
  }
  return count;
}

/**
 * Streams a CSV file as batches of records (one batch per chunk read), decoded from the given
 * encoding. Blank lines are dropped. Throws InvalidTextError for a file that is not in a
 * strict encoding (UTF-8, UTF-16), UnclosedQuoteError for a quote that never closes.
 */
export async function* readCsv(
  file: string,
  encoding: TextEncoding,
  delimiter: CsvDelimiter,
): AsyncGenerator<CsvRecord[]> {
  const decoder = createDecoder(encoding);
  const parser = new CsvParser(delimiter);
  const keep = (records: CsvRecord[]) =>
    records.filter((r) => r.fields.length > 1 || r.fields[0] !== '');
  const stream = createReadStream(file, { highWaterMark: 256 * 1024 });
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      const records = keep(parser.feed(decoder.write(chunk)));
      if (records.length) yield records;
    }
    const last = keep([...parser.feed(decoder.end()), ...parser.end()]);
    if (last.length) yield last;
  } finally {
    stream.destroy();
  }
}

/**
 * The delimiter a file's first records use: of `,`, `;` and tab, the one that splits the
 * header into the most fields and every following record (up to five, in `head`) into as many;
 * when none is that consistent, the one that splits the header most. Characters inside quotes
 * do not count. A file of one column reads as comma-separated.
 */
export function detectDelimiter(head: string): CsvDelimiter {
  const counts: number[][] = []; // per record, per candidate
  let current = csvDelimiters.map(() => 0);
  let inQuotes = false;
  let blank = true;
  for (let i = 0; i < head.length && counts.length < 6; i++) {
    const c = head[i]!;
    if (c === '"') inQuotes = !inQuotes;
    if (inQuotes || c === '"') blank = false;
    else if (c === '\n' || c === '\r') {
      if (!blank) counts.push(current); // blank lines are dropped, as the reader drops them
      current = csvDelimiters.map(() => 0);
      blank = true;
    } else {
      blank = false;
      const k = csvDelimiters.indexOf(c as CsvDelimiter);
      if (k >= 0) current[k]!++;
    }
  }
  if (counts.length === 0) counts.push(current); // one line, no line break yet
  const [header, ...rest] = counts as [number[], ...number[][]];
  const order = csvDelimiters
    .map((d, k) => ({ d, n: header[k]!, consistent: rest.every((r) => r[k] === header[k]) }))
    .filter((x) => x.n > 0)
    .sort((a, b) => Number(b.consistent) - Number(a.consistent) || b.n - a.n);
  return order[0]?.d ?? ',';
}
