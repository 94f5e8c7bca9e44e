import { idSchema, recordEventBodySchema, type RecordEventInput } from '@polku/contracts';
import { EventService, systemClock, type Store, type WorkspaceRecord } from '@polku/core';
import { readCsv, type CsvRecord } from './csv-reader.js';
import { compileDateFormat, DateOrderScanner, parseAutoDate, type DateDecision } from './dates.js';
import { InvalidUtf8Error, type ImportEncoding } from './encoding.js';
import { importedId } from './ids.js';
import { ImportError, MAX_LISTED, rollingBack, type SkippedRow } from './import-responses.js';
import { normalizeText } from './values.js';
import { submitRows } from './submit-rows.js';

/** The fields of an event row, as `--map COLUMN=FIELD` names them. */
export const eventFields = ['id', 'customer', 'type', 'touchpoint', 'time', 'value'] as const;
export type EventField = (typeof eventFields)[number];
const REQUIRED: readonly EventField[] = ['customer', 'type', 'time'];

/**
 * Header texts each field is recognised by (compared lower-cased, `_` and `-` read as spaces),
 * in English, Finnish and Swedish.
 */
const SYNONYMS: Record<EventField, readonly string[]> = {
  id: ['id', 'event id', 'tapahtuman id', 'tapahtuma id', 'tapahtumatunnus', 'händelse id'],
  customer: [
    'customer',
    'customer ref',
    'customer id',
    'customer number',
    'asiakas',
    'asiakasnumero',
    'asiakastunnus',
    'asiakas id',
    'kund',
    'kundnummer',
    'kund id',
  ],
  type: [
    'type',
    'event type',
    'event',
    'tyyppi',
    'tapahtumatyyppi',
    'tapahtuma',
    'typ',
    'händelsetyp',
  ],
  touchpoint: ['touchpoint', 'touchpoint id', 'kosketuspiste', 'kontaktpunkt'],
  time: [
    'time',
    'occurred at',
    'timestamp',
    'date',
    'datetime',
    'aika',
    'ajankohta',
    'aikaleima',
    'päivämäärä',
    'pvm',
    'tid',
    'tidpunkt',
    'datum',
  ],
  value: ['value', 'amount', 'sum', 'arvo', 'summa', 'määrä', 'värde', 'belopp'],
};

const headerKey = (s: string) => normalizeText(s).replace(/[_-]+/g, ' ').trim();

export interface EventImportOptions {
  file: string;
  workspaceId: string;
  /** A column's header → the field it holds, over the recognised header names. */
  maps: Map<string, EventField>;
  encoding: ImportEncoding;
  dateFormat?: string | undefined;
  dryRun: boolean;
  batchSize?: number;
  onProgress?: (progress: { rowsRead: number; total: number }) => void;
}

export interface EventImportSummary {
  file: string;
  encoding: Exclude<ImportEncoding, 'auto'>;
  dryRun: boolean;
  rowsRead: number;
  imported: number;
  alreadyImported: number;
  skipped: number;
  /** The first skipped rows (at most MAX_LISTED), in file order. */
  skippedRows: SkippedRow[];
  dates: DateDecision;
  columns: { header: string; field: EventField }[];
  ignoredColumns: string[];
}

interface Columns {
  index: Partial<Record<EventField, number>>;
  columns: { header: string; field: EventField }[];
  ignored: string[];
}

/** Which column holds which field: `--map` first, then the recognised header names. */
function resolveColumns(header: string[], maps: Map<string, EventField>): Columns {
  const index: Partial<Record<EventField, number>> = {};
  const byHeader = new Map(header.map((h, i) => [headerKey(h), i]));
  for (const [column, field] of maps) {
    const i = byHeader.get(headerKey(column));
    if (i === undefined)
      throw new ImportError(`--map ${column}=${field}: the file has no column "${column}".`);
    index[field] = i;
  }
  header.forEach((h, i) => {
    if (Object.values(index).includes(i)) return;
    const field = eventFields.find(
      (f) => index[f] === undefined && SYNONYMS[f].includes(headerKey(h)),
    );
    if (field) index[field] = i;
  });
  const missing = REQUIRED.filter((f) => index[f] === undefined);
  if (missing.length)
    throw new ImportError(
      `No column for ${missing.join(', ')}. Name the columns ${REQUIRED.join(', ')} (or e.g. ${missing
        .map((f) => SYNONYMS[f][1] ?? f)
        .join(', ')}), or say which column is which with --map COLUMN=FIELD.`,
    );
  const used = new Set(Object.values(index));
  return {
    index,
    columns: eventFields
      .filter((f) => index[f] !== undefined)
      .map((f) => ({ header: header[index[f]!]!, field: f })),
    ignored: header.filter((_, i) => !used.has(i)),
  };
}

/**
 * Imports customer events from a CSV file (one event a row). Reads the file twice, streaming
 * both times: first the header, the encoding, the row count and the order of day and month;
 * then rows in batches through the event intake (the same validation and idempotency as the
 * API). Rows that cannot be read are skipped and listed by line; `dryRun` writes nothing.
 */
export async function importEvents(
  deps: { store: Store; events: EventService },
  options: EventImportOptions,
): Promise<EventImportSummary> {
  const workspace = await deps.store.workspaces.findById(options.workspaceId);
  if (!workspace) throw new ImportError(`No workspace ${options.workspaceId}.`);
  const scan = await scanEventFile(options);
  const parseDate = dateParser(options, scan.decision, workspace.timeZone);
  const touchpointOf = touchpointResolver(await deps.store.journeys.touchpointNames(workspace.id));
  const events = options.dryRun
    ? new EventService({ store: rollingBack(deps.store), clock: systemClock })
    : deps.events;
  const summary: EventImportSummary = {
    file: options.file,
    encoding: scan.encoding,
    dryRun: options.dryRun,
    rowsRead: 0,
    imported: 0,
    alreadyImported: 0,
    skipped: 0,
    skippedRows: [],
    dates: scan.decision,
    columns: scan.columns.columns,
    ignoredColumns: scan.columns.ignored,
  };
  const skip = (line: number, reason: string) => {
    summary.skipped++;
    if (summary.skippedRows.length < MAX_LISTED) summary.skippedRows.push({ line, reason });
  };
  const batchSize = options.batchSize ?? 1000;
  let batch: { input: RecordEventInput; line: number }[] = [];
  const flush = async () => {
    const pending = batch;
    batch = [];
    await submitRows(
      pending,
      {
        submit: (inputs) => events.recordBatch({ workspace }, inputs),
        refusals: ['VALIDATION_FAILED', 'EVENT_ID_TAKEN'],
        issuePath: /^body\.events\.(\d+)\.(.*)$/,
      },
      summary,
      skip,
    );
    options.onProgress?.({ rowsRead: summary.rowsRead, total: scan.rows });
  };
  let header = true;
  for await (const records of readCsv(options.file, scan.encoding)) {
    for (const record of records) {
      if (header) {
        header = false;
        continue;
      }
      summary.rowsRead++;
      const built = buildEvent(record, scan.columns, workspace, parseDate, touchpointOf);
      if ('reason' in built) skip(record.line, built.reason);
      else batch.push({ input: built, line: record.line });
      if (batch.length >= batchSize) await flush();
    }
  }
  if (batch.length) await flush();
  summary.skippedRows.sort((a, b) => a.line - b.line);
  return summary;
}

/** The first pass: the header, the encoding (auto falls back to cp1252), rows and date order. */
async function scanEventFile(options: EventImportOptions) {
  const tryScan = async (encoding: Exclude<ImportEncoding, 'auto'>) => {
    let columns: Columns | undefined;
    const scanner = new DateOrderScanner();
    let rows = 0;
    for await (const records of readCsv(options.file, encoding)) {
      for (const record of records) {
        if (!columns) {
          columns = resolveColumns(record.fields, options.maps);
          continue;
        }
        rows++;
        scanner.observe(record.fields[columns.index.time!] ?? '', record.line);
      }
    }
    if (!columns) throw new ImportError('The file is empty.');
    return { columns, rows, scanner, encoding };
  };
  let scanned;
  try {
    scanned = await tryScan(options.encoding === 'auto' ? 'utf8' : options.encoding);
  } catch (e) {
    if (!(e instanceof InvalidUtf8Error)) throw e;
    if (options.encoding !== 'auto')
      throw new ImportError('The file is not valid UTF-8: try --encoding cp1252 or latin1.');
    scanned = await tryScan('cp1252');
  }
  let decision: DateDecision;
  if (options.dateFormat) {
    decision = {
      order: null,
      source: 'option',
      explanation: `dates read as --date-format "${options.dateFormat}"`,
    };
  } else {
    const d = scanned.scanner.decide();
    if ('error' in d) throw new ImportError(d.error);
    decision = d;
  }
  return { ...scanned, decision };
}

type DateParser = (value: string) => { ok: true; instant: number } | { ok: false; reason: string };

function dateParser(
  options: EventImportOptions,
  decision: DateDecision,
  timeZone: string,
): DateParser {
  if (options.dateFormat) {
    const compiled = compileDateFormat(options.dateFormat);
    if ('error' in compiled) throw new ImportError(compiled.error);
    return (value) => compiled(value, timeZone);
  }
  return (value) => parseAutoDate(value, decision.order, timeZone);
}

/** `59,90`, `1 234.50`, `-3`: a number as Finnish, Swedish or English files write it. */
function parseNumber(cell: string): number | null | { reason: string } {
  const compact = cell.replace(/[\s\u00a0\u202f]/g, '');
  if (!compact) return null;
  const normalized = compact.includes('.') ? compact.replace(/,/g, '') : compact.replace(',', '.');
  const n = /^[-+]?\d*\.?\d+(?:e[-+]?\d+)?$/i.test(normalized) ? Number(normalized) : NaN;
  return Number.isFinite(n) ? n : { reason: `value: "${cell}" is not a number` };
}

const FIELD_OF_PATH: Record<string, EventField> = {
  id: 'id',
  customerRef: 'customer',
  type: 'type',
  touchpointId: 'touchpoint',
  occurredAt: 'time',
  value: 'value',
};

/** One row as an intake input (checked by the API's own schema), or why it cannot be one. */
/**
 * A touchpoint cell as a touchpoint id: a file may name a touchpoint by its id or by its name
 * in the journey model (case and surrounding spaces aside), as people export it from their own
 * systems. An unknown or ambiguous name is a reason to skip the row.
 */
function touchpointResolver(names: ReadonlyMap<string, string>) {
  const byName = new Map<string, string[]>();
  for (const [id, name] of names) {
    const key = name.trim().toLowerCase();
    byName.set(key, [...(byName.get(key) ?? []), id]);
  }
  return (cell: string): { id: string | null } | { reason: string } => {
    if (!cell) return { id: null };
    if (names.has(cell)) return { id: cell };
    const ids = byName.get(cell.toLowerCase()) ?? [];
    if (ids.length === 1) return { id: ids[0]! };
    return {
      reason:
        ids.length > 1
          ? `touchpoint: ${ids.length} touchpoints are called "${cell}"; give its id`
          : `touchpoint: no touchpoint "${cell}" in this workspace (give its name or id)`,
    };
  };
}

function buildEvent(
  record: CsvRecord,
  columns: Columns,
  workspace: WorkspaceRecord,
  parseDate: DateParser,
  touchpointOf: ReturnType<typeof touchpointResolver>,
): RecordEventInput | { reason: string } {
  const { fields } = record;
  const cell = (f: EventField) => {
    const i = columns.index[f];
    return i === undefined ? '' : (fields[i] ?? '').trim();
  };
  const time = cell('time');
  if (!time) return { reason: 'time: empty' };
  const parsed = parseDate(time);
  if (!parsed.ok) return { reason: `time: ${parsed.reason}` };
  const value = parseNumber(cell('value'));
  if (value !== null && typeof value === 'object') return value;
  const touchpoint = touchpointOf(cell('touchpoint'));
  if ('reason' in touchpoint) return touchpoint;
  // The file's own id is the event's id when it is one (so the API and a file agree); any
  // other source id, or none, becomes a stable id made from it or from the row.
  const sourceId = cell('id');
  const scope = [workspace.id, 'events'];
  const id = sourceId
    ? idSchema.safeParse(sourceId).success
      ? sourceId
      : importedId(scope, { sourceId })
    : importedId(scope, { fields }, parsed.instant);
  const result = recordEventBodySchema.safeParse({
    id,
    customerRef: cell('customer'),
    type: cell('type'),
    touchpointId: touchpoint.id,
    occurredAt: parsed.instant,
    value,
  });
  if (!result.success)
    return {
      reason: result.error.issues
        .map((i) => `${FIELD_OF_PATH[String(i.path[0])] ?? String(i.path[0])}: ${i.message}`)
        .join('; '),
    };
  return result.data;
}
