export * from './ports.js';
export * from './flow.js';
export * from './event.service.js';
