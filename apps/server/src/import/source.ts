import { open } from 'node:fs/promises';
import type { ImportDelimiter, ImportEncoding } from '@polku/contracts';
import {
  detectDelimiter,
  readCsv,
  UnclosedQuoteError,
  type CsvDelimiter,
  type CsvRecord,
} from './csv-reader.js';
import {
  createDecoder,
  encodingNames,
  InvalidTextError,
  sniffEncoding,
  type TextEncoding,
} from './encoding.js';
import { ImportError } from './import-error.js';
import type { DecimalMark } from './numbers.js';

const DELIMITER_OF: Record<Exclude<ImportDelimiter, 'auto'>, CsvDelimiter> = {
  comma: ',',
  semicolon: ';',
  tab: '\t',
};
/** The delimiters by name, as the summary gives them. */
export const delimiterNames: Record<CsvDelimiter, Exclude<ImportDelimiter, 'auto'>> = {
  ',': 'comma',
  ';': 'semicolon',
  '\t': 'tab',
};

/** How a file is to be read: what the user said, `auto` where they said nothing. */
export interface ReadSettings {
  encoding: ImportEncoding;
  delimiter: ImportDelimiter;
  decimal: DecimalMark;
}

/** How a file is read, every choice made. */
export interface ResolvedSource {
  file: string;
  encoding: TextEncoding;
  delimiter: CsvDelimiter;
  decimal: DecimalMark;
}

/** "read as UTF-8, fields separated by semicolons": for messages that the reading may explain. */
export function describeReading(source: ResolvedSource): string {
  const by = { ',': 'commas', ';': 'semicolons', '\t': 'tabs' }[source.delimiter];
  return `read as ${encodingNames[source.encoding]}, fields separated by ${by}`;
}

const HEAD_BYTES = 64 * 1024;

/** The first bytes of a file: enough for the byte-order mark and the first records. */
async function readHead(file: string): Promise<Buffer> {
  const handle = await open(file, 'r');
  try {
    const buffer = Buffer.alloc(HEAD_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, HEAD_BYTES, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

/** The head as text, for finding the delimiter; a character split at the end is dropped. */
function decodeHead(head: Buffer, encoding: TextEncoding): string {
  try {
    return createDecoder(encoding).write(head);
  } catch {
    return ''; // not this encoding: the full read says so
  }
}

/** The records of a file read as resolved, in batches (one batch per chunk read). */
export function readRecords(source: ResolvedSource): AsyncGenerator<CsvRecord[]> {
  return readCsv(source.file, source.encoding, source.delimiter);
}

/**
 * Settles how to read a file and reads it once through `scan` (the first pass of every import:
 * the header, the row count, the order of day and month). The encoding: as told, else a
 * byte-order mark or UTF-16's zero bytes, else UTF-8, and when the file proves not to be UTF-8
 * the scan starts again as cp1252. The delimiter: as told, else what the first records use.
 * A file the reader cannot read (bytes not in a strict encoding that was asked for, a quote
 * that never closes) is an ImportError naming the line.
 */
export async function scanSource<T>(
  file: string,
  settings: ReadSettings,
  scan: (records: AsyncIterable<CsvRecord>, source: ResolvedSource) => Promise<T>,
): Promise<{ source: ResolvedSource; scanned: T }> {
  const head = await readHead(file);
  if (head.length === 0) throw new ImportError('The file is empty.');
  const sniffed = sniffEncoding(head);
  const first: TextEncoding =
    settings.encoding === 'auto' ? (sniffed ?? 'utf8') : settings.encoding;
  const resolve = (encoding: TextEncoding): ResolvedSource => ({
    file,
    encoding,
    delimiter:
      settings.delimiter === 'auto'
        ? detectDelimiter(decodeHead(head, encoding))
        : DELIMITER_OF[settings.delimiter],
    decimal: settings.decimal,
  });
  const attempt = async (source: ResolvedSource) => ({
    source,
    scanned: await scan(flatten(readRecords(source)), source),
  });
  try {
    try {
      return await attempt(resolve(first));
    } catch (e) {
      // Only a guess of UTF-8 falls back: a mark, or an encoding the user chose, is kept.
      if (!(e instanceof InvalidTextError) || settings.encoding !== 'auto' || sniffed) throw e;
      return await attempt(resolve('cp1252'));
    }
  } catch (e) {
    if (e instanceof InvalidTextError)
      throw new ImportError(
        `The file is not valid ${encodingNames[first]}: choose its encoding (${Object.values(encodingNames).join(', ')}).`,
      );
    if (e instanceof UnclosedQuoteError) throw new ImportError(e.message);
    throw e;
  }
}

async function* flatten(batches: AsyncIterable<CsvRecord[]>): AsyncGenerator<CsvRecord> {
  for await (const batch of batches) yield* batch;
}
