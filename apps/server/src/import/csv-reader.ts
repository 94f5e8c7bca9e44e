import { createReadStream } from 'node:fs';
import { createDecoder, type ImportEncoding } from './encoding.js';

/** One CSV record and the (1-based) line of the file it starts on. */
export interface CsvRecord {
  fields: string[];
  line: number;
}

const QUOTE = 34;
const COMMA = 44;
const CR = 13;
const LF = 10;

/**
 * An RFC 4180 parser fed text chunk by chunk: quoted fields may hold commas, doubled quotes
 * and line breaks; lines end in LF or CRLF (a lone CR counts as a line end too). It keeps only
 * the record in progress, so memory stays flat however long the file is.
 */
export class CsvParser {
  private fields: string[] = [];
  private field = '';
  private inQuotes = false;
  /** A quote inside a quoted field: either the field's end or the first half of `""`. */
  private quotePending = false;
  private afterCr = false;
  private line = 1;
  private recordLine = 1;
  private started = false;

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
      if (c === COMMA) {
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
        i++;
      } else {
        // A run of plain characters up to the next delimiter.
        let j = i + 1;
        while (j < n) {
          const d = text.charCodeAt(j);
          if (d === COMMA || d === LF || d === CR) break;
          j++;
        }
        this.field += text.slice(i, j);
        i = j;
      }
    }
    return out;
  }

  /** The last record when the file does not end in a line break. */
  end(): CsvRecord[] {
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
 * encoding. Blank lines are dropped. Throws InvalidUtf8Error for a `utf8` file that is not.
 */
export async function* readCsv(
  file: string,
  encoding: Exclude<ImportEncoding, 'auto'>,
): AsyncGenerator<CsvRecord[]> {
  const decoder = createDecoder(encoding);
  const parser = new CsvParser();
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
