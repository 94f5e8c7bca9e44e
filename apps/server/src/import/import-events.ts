import {
  idSchema,
  recordEventBodySchema,
  type ImportDelimiter,
  type RecordEventInput,
} from '@polku/contracts';
import { EventService, type Clock, type Store, type WorkspaceRecord } from '@polku/core';
import type { CsvRecord } from './csv-reader.js';
import { DateOrderScanner, dateReading, type DateDecision, type DateParser } from './dates.js';
import type { TextEncoding } from './encoding.js';
import { importedId } from './ids.js';
import { ImportError } from './import-error.js';
import { parseDecimal, type DecimalMark } from './numbers.js';
import {
  checkThenStore,
  rollingBack,
  type BuiltRow,
  type StoreOptions,
  type StoreResult,
} from './run-import.js';
import {
  delimiterNames,
  describeReading,
  scanSource,
  type ReadSettings,
  type ResolvedSource,
} from './source.js';
import { normalizeText } from './values.js';

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

export interface EventImportOptions extends ReadSettings, StoreOptions {
  file: string;
  workspaceId: string;
  /** A column's header → the field it holds, over the recognised header names. */
  maps: Map<string, EventField>;
  dateFormat?: string | undefined;
}

export interface EventImportSummary extends StoreResult {
  file: string;
  encoding: TextEncoding;
  delimiter: Exclude<ImportDelimiter, 'auto'>;
  decimal: DecimalMark;
  dryRun: boolean;
  skipInvalid: boolean;
  dates: DateDecision;
  columns: { header: string; field: EventField }[];
  ignoredColumns: string[];
}

interface Columns {
  index: Partial<Record<EventField, number>>;
  headers: string[];
  columns: { header: string; field: EventField }[];
  ignored: string[];
}

/** Which column holds which field: `--map` first, then the recognised header names. */
function resolveColumns(
  header: string[],
  maps: Map<string, EventField>,
  source: ResolvedSource,
): Columns {
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
        .join(
          ', ',
        )}), or say which column is which with --map COLUMN=FIELD. (The file was ${describeReading(source)}, which gave the columns: ${header.slice(0, 12).join(', ')}. If it is not, choose the encoding or the delimiter.)`,
    );
  const used = new Set(Object.values(index));
  return {
    index,
    headers: header.map((h) => h.trim()),
    columns: eventFields
      .filter((f) => index[f] !== undefined)
      .map((f) => ({ header: header[index[f]!]!, field: f })),
    ignored: header.filter((_, i) => !used.has(i)),
  };
}

/**
 * Imports customer events from a CSV file (one event a row), all or nothing, as the response
 * import does (checkThenStore): the first pass settles how to read the file, the header, the
 * row count and the order of day and month; then every row is checked through the event
 * intake (the same validation and idempotency as the API) in transactions that roll back; and
 * only when every row is good (or `skipInvalid`) are they stored in batches. `dryRun` stops
 * after the check.
 */
export async function importEvents(
  deps: { store: Store; events: EventService; clock: Clock },
  options: EventImportOptions,
): Promise<EventImportSummary> {
  const workspace = await deps.store.workspaces.findById(options.workspaceId);
  if (!workspace) throw new ImportError(`No workspace ${options.workspaceId}.`);
  const { source, scanned } = await scanSource(options.file, options, async (records, source) => {
    let columns: Columns | undefined;
    const scanner = new DateOrderScanner();
    let rows = 0;
    for await (const record of records) {
      if (!columns) {
        columns = resolveColumns(record.fields, options.maps, source);
        continue;
      }
      rows++;
      scanner.observe(record.fields[columns.index.time!] ?? '', record.line);
    }
    if (!columns) throw new ImportError('The file is empty.');
    return { columns, rows, scanner };
  });
  const reading = dateReading(options.dateFormat, scanned.scanner, workspace.timeZone);
  if ('error' in reading) throw new ImportError(reading.error);
  const touchpointOf = touchpointResolver(await deps.store.journeys.touchpointNames(workspace.id));
  const { columns } = scanned;
  const intake = (events: EventService) => ({
    submit: (inputs: RecordEventInput[]) => events.recordBatch({ workspace }, inputs),
    refusals: ['VALIDATION_FAILED', 'EVENT_ID_TAKEN'],
    issuePath: /^body\.events\.(\d+)\.(.*)$/,
  });
  const stored = await checkThenStore(
    {
      source,
      headerRows: 1,
      headers: columns.headers,
      total: scanned.rows,
      build: (record) =>
        buildEvent(record, columns, workspace, reading.parse, touchpointOf, source.decimal),
      columnOf: (field) => {
        const f = FIELD_OF_PATH[field.split('.')[0]!];
        const i = f === undefined ? undefined : columns.index[f];
        return i === undefined ? undefined : columns.headers[i];
      },
      intakes: {
        storing: intake(deps.events),
        checking: intake(new EventService({ store: rollingBack(deps.store), clock: deps.clock })),
      },
      batchSize: options.batchSize ?? 1000,
    },
    { dryRun: options.dryRun, skipInvalid: options.skipInvalid, onProgress: options.onProgress },
  );
  return {
    file: options.file,
    encoding: source.encoding,
    delimiter: delimiterNames[source.delimiter],
    decimal: source.decimal,
    dryRun: options.dryRun,
    skipInvalid: options.skipInvalid,
    ...stored,
    dates: reading.decision,
    columns: columns.columns,
    ignoredColumns: columns.ignored,
  };
}

const FIELD_OF_PATH: Record<string, EventField> = {
  id: 'id',
  customerRef: 'customer',
  type: 'type',
  touchpointId: 'touchpoint',
  occurredAt: 'time',
  value: 'value',
};

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
          ? `${ids.length} touchpoints are called "${cell}"; give its id`
          : `no touchpoint "${cell}" in this workspace (give its name or id)`,
    };
  };
}

/** One row as an intake input (checked by the API's own schema), or what keeps it from being one. */
function buildEvent(
  record: CsvRecord,
  columns: Columns,
  workspace: WorkspaceRecord,
  parseDate: DateParser,
  touchpointOf: ReturnType<typeof touchpointResolver>,
  decimal: DecimalMark,
): BuiltRow<RecordEventInput> {
  const { fields } = record;
  const cell = (f: EventField) => {
    const i = columns.index[f];
    return i === undefined ? '' : (fields[i] ?? '').trim();
  };
  const header = (f: EventField) => columns.headers[columns.index[f]!];
  const problems: { column?: string | undefined; reason: string }[] = [];
  const time = cell('time');
  const parsed = time ? parseDate(time) : ({ ok: false, reason: 'empty' } as const);
  if (!parsed.ok) problems.push({ column: header('time'), reason: parsed.reason });
  const value = parseDecimal(cell('value'), decimal);
  if (value && !value.ok) problems.push({ column: header('value'), reason: value.reason });
  const touchpoint = touchpointOf(cell('touchpoint'));
  if ('reason' in touchpoint)
    problems.push({ column: header('touchpoint'), reason: touchpoint.reason });
  if (!parsed.ok || 'reason' in touchpoint || (value && !value.ok)) return { problems };
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
    value: value?.value ?? null,
  });
  if (!result.success)
    return {
      problems: result.error.issues.map((i) => {
        const field = FIELD_OF_PATH[String(i.path[0])];
        return field && columns.index[field] !== undefined
          ? { column: header(field), reason: i.message }
          : { reason: `${String(i.path[0])}: ${i.message}` };
      }),
    };
  return { input: result.data };
}
