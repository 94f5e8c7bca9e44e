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
} from '../import/cli-args.js';
import { createRuntime } from '../runtime.js';
import { planResponsesCsv } from './responses-csv.js';

export const EXPORT_USAGE = `  export responses --workspace W [--survey S] [--from YYYY-MM-DD] [--to YYYY-MM-DD]
         [--format csv] [--out FILE]                 write responses as CSV (to stdout by default)`;

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** `polku export responses`: the same CSV as the HTTP export, to a file or stdout. */
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
  oneOf(v.format, 'format', ['csv'] as const, 'csv');
  for (const name of ['from', 'to'] as const)
    if (v[name] !== undefined && !DAY.test(v[name]))
      throw new ArgumentError(`--${name}: write YYYY-MM-DD`);
  const runtime = await createRuntime(config);
  try {
    const ctx = await ownerContext(runtime, workspaceId);
    const plan = await planResponsesCsv(runtime.store, ctx.workspace.id, {
      surveyId: v.survey,
      from: v.from,
      to: v.to,
    });
    const target = v.out ? createWriteStream(v.out) : process.stdout;
    await pipeline(Readable.from(plan.rows), target, { end: Boolean(v.out) });
  } finally {
    await runtime.close();
  }
}
