import { createWriteStream } from 'node:fs';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { AppConfig } from '../config.js';
import {
  ArgumentError,
  oneOf,
  ownerContext,
  parseCommandArgs,
  requiredString,
} from '../cli-args.js';
import { createRuntime } from '../runtime.js';
import { planResponseExport, writeResponsesCsv } from './responses-csv.js';
import { writeResponsesXlsx } from './responses-xlsx.js';

export const EXPORT_USAGE = `  export responses --workspace W [--survey S] [--from YYYY-MM-DD] [--to YYYY-MM-DD]
         [--format csv|xlsx] [--out FILE]            write responses as CSV or XLSX (to stdout by default)`;

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** `polku export responses`: the same file as the HTTP export, to a file or stdout. */
export async function exportCommand(config: AppConfig, args: string[]): Promise<void> {
  const [what, ...rest] = args;
  if (what !== 'responses')
    throw new ArgumentError(
      what === undefined ? 'export what? say: export responses' : `cannot export "${what}"`,
    );
  const { values: v } = parseCommandArgs(
    rest,
    {
      workspace: { type: 'string' },
      survey: { type: 'string' },
      from: { type: 'string' },
      to: { type: 'string' },
      format: { type: 'string' },
      out: { type: 'string' },
    },
    0,
  );
  const workspaceId = requiredString(v.workspace, 'workspace');
  const format = oneOf(v.format, 'format', ['csv', 'xlsx'] as const, 'csv');
  for (const name of ['from', 'to'] as const)
    if (v[name] !== undefined && !DAY.test(v[name]))
      throw new ArgumentError(`--${name}: write YYYY-MM-DD`);
  const runtime = await createRuntime(config);
  try {
    const ctx = await ownerContext(runtime, workspaceId);
    const plan = await planResponseExport(runtime.store, ctx.workspace.id, {
      surveyId: v.survey,
      from: v.from,
      to: v.to,
    });
    const target = v.out ? createWriteStream(v.out) : process.stdout;
    const chunks = format === 'xlsx' ? writeResponsesXlsx(plan) : writeResponsesCsv(plan);
    await pipeline(Readable.from(chunks), target, { end: Boolean(v.out) });
  } finally {
    await runtime.close();
  }
}
