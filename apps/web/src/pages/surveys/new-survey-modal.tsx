import {
  Button,
  Checkbox,
  Group,
  Modal,
  NativeSelect,
  Stack,
  Textarea,
  TextInput,
} from '@mantine/core';
import {
  languages,
  surveyPurposes,
  surveyTemplates,
  type Language,
  type Survey,
  type SurveyTemplate,
} from '@polku/contracts';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useCreateSurveyMutation } from '../../api/surveys';
import { ErrorAlert } from '../../components/status';
import { isFieldError, useFieldErrors } from '../../lib/errors';

function CreateSurveyForm({ workspaceId }: { workspaceId: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const create = useCreateSurveyMutation(workspaceId);
  const fieldErrors = useFieldErrors(create.error);
  const [name, setName] = useState('');
  const [purpose, setPurpose] = useState<Survey['purpose']>('transactional');
  const [template, setTemplate] = useState<SurveyTemplate | ''>('');
  const [features, setFeatures] = useState('');
  const [chosen, setChosen] = useState<Language[]>([...languages]);
  const [defaultLanguage, setDefaultLanguage] = useState<Language>('fi');
  const defaultMissing = !chosen.includes(defaultLanguage);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (defaultMissing || chosen.length === 0) return;
    const featureList = features
      .split('\n')
      .map((f) => f.trim())
      .filter(Boolean);
    create.mutate(
      {
        name,
        purpose,
        languages: chosen,
        defaultLanguage,
        ...(template ? { template } : {}),
        ...(template === 'kano' ? { features: featureList } : {}),
      },
      { onSuccess: (survey) => void navigate(`/w/${workspaceId}/surveys/${survey.id}`) },
    );
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        {create.isError && !isFieldError(create.error) && <ErrorAlert error={create.error} />}
        <TextInput
          label={t('surveys.name')}
          required
          data-autofocus
          value={name}
          error={fieldErrors.name}
          onChange={(e) => setName(e.currentTarget.value)}
        />
        <NativeSelect
          label={t('surveys.purpose')}
          value={purpose}
          data={surveyPurposes.map((p) => ({ value: p, label: t(`surveys.purposes.${p}`) }))}
          onChange={(e) =>
            setPurpose(surveyPurposes.find((p) => p === e.currentTarget.value) ?? 'transactional')
          }
        />
        <NativeSelect
          label={t('surveys.template')}
          value={template}
          data={[
            { value: '', label: t('surveys.templates.none') },
            ...surveyTemplates.map((tpl) => ({ value: tpl, label: t(`surveys.templates.${tpl}`) })),
          ]}
          onChange={(e) =>
            setTemplate(surveyTemplates.find((x) => x === e.currentTarget.value) ?? '')
          }
        />
        {template === 'kano' && (
          <Textarea
            label={t('surveys.features')}
            description={t('surveys.featuresHint')}
            autosize
            minRows={3}
            value={features}
            error={fieldErrors.features}
            onChange={(e) => setFeatures(e.currentTarget.value)}
          />
        )}
        <Checkbox.Group
          label={t('surveys.languages')}
          required
          value={chosen}
          onChange={(values) => setChosen(languages.filter((l) => values.includes(l)))}
        >
          <Group gap="md" mt="xs">
            {languages.map((l) => (
              <Checkbox key={l} value={l} label={t(`language.${l}`)} />
            ))}
          </Group>
        </Checkbox.Group>
        <NativeSelect
          label={t('surveys.defaultLanguage')}
          value={defaultLanguage}
          data={languages.map((l) => ({ value: l, label: t(`language.${l}`) }))}
          error={defaultMissing ? t('surveys.defaultNotInLanguages') : fieldErrors.defaultLanguage}
          onChange={(e) =>
            setDefaultLanguage(languages.find((l) => l === e.currentTarget.value) ?? 'fi')
          }
        />
        <Group justify="flex-end">
          <Button
            type="submit"
            loading={create.isPending}
            disabled={defaultMissing || chosen.length === 0}
          >
            {t('surveys.create')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** The "New survey" dialog; the new survey opens in the builder. */
export function NewSurveyModal(props: {
  workspaceId: string;
  opened: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={props.opened}
      onClose={props.onClose}
      title={t('surveys.new')}
      centered
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      {props.opened && <CreateSurveyForm workspaceId={props.workspaceId} />}
    </Modal>
  );
}
