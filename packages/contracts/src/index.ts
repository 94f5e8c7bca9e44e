export * from './errors.js';
export * from './common.js';
export * from './accounts.js';
export * from './workspaces.js';
export * from './surveys.js';
export * from './responses.js';
export * from './routes.js';
export * from './client.js';
