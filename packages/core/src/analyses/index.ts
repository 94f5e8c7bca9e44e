export * from './ports.js';
export * from './survey-questions.js';
export * from './analysis.service.js';
export * from './incident.service.js';
