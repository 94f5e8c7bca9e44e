export * from './job-kinds.js';
export * from './job-queue.js';
