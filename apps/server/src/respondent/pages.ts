import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../app.js';

/** The respondent pages at /s/:token (server-rendered; filled in by the listening work). */
export function registerRespondentPages(_app: FastifyInstance, _deps: AppDeps): void {}
