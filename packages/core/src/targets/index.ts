export * from './ports.js';
export * from './periods.js';
export * from './evaluation.js';
export * from './links.js';
export * from './signature.js';
export * from './alert-mail.js';
export * from './webhook.service.js';
export * from './target.service.js';
