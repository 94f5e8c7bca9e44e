import { useTranslation } from 'react-i18next';

/** Formats epoch milliseconds as a date and time in the UI language. */
export function useFormatDateTime() {
  const { t, i18n } = useTranslation();
  const format = new Intl.DateTimeFormat(i18n.language, {
    dateStyle: 'medium',
    timeStyle: 'short',
  });
  return (instant: number | null | undefined) =>
    instant === null || instant === undefined ? t('common.none') : format.format(instant);
}
