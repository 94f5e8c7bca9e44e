import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../app.js';

/** Streamed file exports (CSV, XLSX) that do not fit the JSON route table. */
export function registerExports(_app: FastifyInstance, _deps: AppDeps): void {}
