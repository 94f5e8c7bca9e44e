export { buildApp, type AppDeps } from './app.js';
export { loadConfig, type AppConfig } from './config.js';
export { createRuntime, type Runtime } from './runtime.js';
export { ensureDemo, DEMO_LOGIN, DEMO_WORKSPACE_NAME } from './demo.js';
export { main } from './cli.js';
