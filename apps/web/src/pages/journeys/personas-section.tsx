import {
  Button,
  Card,
  Group,
  Modal,
  MultiSelect,
  SimpleGrid,
  Stack,
  TagsInput,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import type { JourneyMap } from '@polku/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  useCreatePersonaMutation,
  usePersonasQuery,
  useUpdateJourneyMutation,
} from '../../api/journeys';
import { ErrorAlert } from '../../components/status';
import { useFieldErrors } from '../../lib/errors';
import { useWorkspaceId } from '../../lib/membership';

/** A new persona; once made, it is attached to the journey. */
function NewPersonaForm(props: { onCreated: (id: string) => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const workspaceId = useWorkspaceId();
  const create = useCreatePersonaMutation(workspaceId);
  const fieldErrors = useFieldErrors(create.error);
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const [goals, setGoals] = useState<string[]>([]);
  const [needs, setNeeds] = useState<string[]>([]);
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        create.mutate(
          { name, description, goals, needs },
          { onSuccess: (p) => props.onCreated(p.id) },
        );
      }}
    >
      <Stack gap="sm">
        <TextInput
          label={t('journeys.personas.name')}
          required
          maxLength={200}
          value={name}
          error={fieldErrors.name}
          onChange={(e) => setName(e.currentTarget.value)}
        />
        <Textarea
          label={t('journeys.personas.description')}
          autosize
          minRows={2}
          maxLength={4000}
          value={description}
          onChange={(e) => setDescription(e.currentTarget.value)}
        />
        <TagsInput
          label={t('journeys.personas.goalsInput')}
          value={goals}
          maxTags={20}
          onChange={setGoals}
        />
        <TagsInput
          label={t('journeys.personas.needsInput')}
          value={needs}
          maxTags={20}
          onChange={setNeeds}
        />
        {create.isError && Object.keys(fieldErrors).length === 0 && (
          <ErrorAlert error={create.error} />
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={props.onCancel}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={create.isPending}>
            {t('journeys.personas.create')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** The personas the journey is drawn for: each with goals and needs; attach, detach, create. */
export function PersonasSection(props: {
  workspaceId: string;
  map: JourneyMap;
  canManage: boolean;
}) {
  const { t } = useTranslation();
  const { journey, personas } = props.map;
  const all = usePersonasQuery(props.workspaceId);
  const update = useUpdateJourneyMutation(props.workspaceId);
  const [creating, setCreating] = useState(false);
  const attach = (personaIds: string[]) =>
    update.mutate({ journeyId: journey.id, body: { personaIds } });

  return (
    <section aria-labelledby="journey-personas">
      <Group justify="space-between" align="flex-end" mb="xs">
        <Title order={2} size="h4" id="journey-personas">
          {t('journeys.personas.title')}
        </Title>
        {props.canManage && (
          <Group gap="xs" align="flex-end">
            <MultiSelect
              size="xs"
              label={t('journeys.personas.attach')}
              data={(all.data?.items ?? personas).map((p) => ({ value: p.id, label: p.name }))}
              value={journey.personaIds}
              onChange={attach}
              w={260}
              maw="100%"
            />
            <Button size="xs" variant="default" onClick={() => setCreating(true)}>
              {t('journeys.personas.new')}
            </Button>
          </Group>
        )}
      </Group>
      {update.isError && <ErrorAlert error={update.error} />}
      {personas.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('journeys.personas.none')}
        </Text>
      ) : (
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="sm">
          {personas.map((p) => (
            <Card key={p.id} withBorder padding="sm" data-testid="persona">
              <Text fw={600}>{p.name}</Text>
              {p.description && <Text size="sm">{p.description}</Text>}
              {p.goals.length > 0 && (
                <Text size="sm" mt={4}>
                  <strong>{t('journeys.personas.goals')}:</strong> {p.goals.join(' · ')}
                </Text>
              )}
              {p.needs.length > 0 && (
                <Text size="sm">
                  <strong>{t('journeys.personas.needs')}:</strong> {p.needs.join(' · ')}
                </Text>
              )}
            </Card>
          ))}
        </SimpleGrid>
      )}
      <Modal
        closeButtonProps={{ 'aria-label': t('common.close') }}
        opened={creating}
        onClose={() => setCreating(false)}
        title={t('journeys.personas.new')}
      >
        {creating && (
          <NewPersonaForm
            onCancel={() => setCreating(false)}
            onCreated={(id) => {
              setCreating(false);
              attach([...journey.personaIds, id]);
            }}
          />
        )}
      </Modal>
    </section>
  );
}
