export * from './ports.js';
export * from './templates.js';
export * from './journey.service.js';
