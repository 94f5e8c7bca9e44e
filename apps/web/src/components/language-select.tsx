import { NativeSelect, VisuallyHidden } from '@mantine/core';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { languages } from '@polku/contracts';
import { useSessionQuery, useUpdateMeMutation } from '../api/session';
import { applyLanguage, currentLanguage, isLanguage } from '../i18n/i18n';

/**
 * The UI language switcher. Its accessible name is the same in every language, so people (and
 * tests) find it whatever language is showing. Signed in, the choice is saved to the account.
 */
export function LanguageSelect() {
  const { t } = useTranslation();
  const session = useSessionQuery();
  const updateMe = useUpdateMeMutation();
  const errorId = useId();
  return (
    <>
      <NativeSelect
        aria-label={t('language.label')}
        aria-describedby={updateMe.isError ? errorId : undefined}
        title={updateMe.isError ? t('shell.languageSaveFailed') : undefined}
        error={updateMe.isError}
        size="xs"
        w={104}
        value={currentLanguage()}
        data={languages.map((l) => ({ value: l, label: t(`language.${l}`) }))}
        onChange={(event) => {
          const language = event.currentTarget.value;
          if (!isLanguage(language)) return;
          void applyLanguage(language);
          if (session.data && session.data.user.language !== language) {
            updateMe.mutate({ language });
          }
        }}
      />
      {updateMe.isError && (
        <VisuallyHidden id={errorId} role="alert">
          {t('shell.languageSaveFailed')}
        </VisuallyHidden>
      )}
    </>
  );
}
