export * from './ports.js';
export * from './templates.js';
export * from './journey.service.js';
export * from './persona.service.js';
export * from './journey-metrics.service.js';
