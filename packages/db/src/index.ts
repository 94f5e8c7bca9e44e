export * from './connection.js';
export * from './migrate.js';
export * from './store.js';
export type { Database } from './schema.js';
export { createMetricsRepository } from './repositories/metrics.repository.js';
export { createJobRepository } from './repositories/job.repository.js';
export { createAnalysisRepository } from './repositories/analysis.repository.js';
export { scopedAnswers, type AnswerScope } from './repositories/answer-scope.js';
