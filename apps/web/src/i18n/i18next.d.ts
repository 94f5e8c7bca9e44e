import type { Messages } from '../locales/fi';

// Makes `t('…')` check its key against the Finnish messages.
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: Messages };
  }
}
