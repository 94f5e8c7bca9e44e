import { NativeSelect, Stack, Text, Title } from '@mantine/core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useJourneyMapQuery, useJourneysQuery } from '../../api/journeys';
import { usePageTitle } from '../../components/page-title';
import { LoadingState } from '../../components/status';
import { useWorkspaceId } from '../../lib/membership';
import { journeyOrderOf } from './flow-model';
import { ObservedFlow } from './observed-flow';

/**
 * `/w/:id/journeys/observed`: the observed flow on its own page. Transitions are classified
 * by the stage order of the journey chosen here (the first one to start with), computed as
 * the journey's own observed tab does, so both show the same jumps back for the same data.
 */
export function ObservedPage() {
  const { t } = useTranslation();
  const workspaceId = useWorkspaceId();
  usePageTitle(t('observed.title'));
  const journeys = useJourneysQuery(workspaceId);
  const items = journeys.data?.items ?? [];
  const [chosen, setChosen] = useState<string | null>(null);
  const journeyId = chosen ?? items[0]?.id ?? '';
  return (
    <Stack gap="md">
      <Title order={1} size="h2">
        {t('observed.title')}
      </Title>
      <Text maw={760}>{t('observed.intro')}</Text>
      {journeys.isPending ? (
        <LoadingState />
      ) : items.length ? (
        <>
          <NativeSelect
            label={t('observed.journey')}
            description={t('observed.journeyHint')}
            data={items.map((j) => ({ value: j.id, label: j.name }))}
            value={journeyId}
            onChange={(e) => setChosen(e.currentTarget.value)}
            maw={420}
          />
          <JourneyFlow key={journeyId} workspaceId={workspaceId} journeyId={journeyId} />
        </>
      ) : (
        <ObservedFlow workspaceId={workspaceId} />
      )}
    </Stack>
  );
}

/** The flow classified by one journey's stages, once its map has loaded. */
function JourneyFlow(props: { workspaceId: string; journeyId: string }) {
  const map = useJourneyMapQuery(props.workspaceId, props.journeyId);
  const order = useMemo(() => (map.data ? journeyOrderOf(map.data) : null), [map.data]);
  if (!order)
    return map.isError ? <ObservedFlow workspaceId={props.workspaceId} /> : <LoadingState />;
  return (
    <ObservedFlow
      workspaceId={props.workspaceId}
      stageOrder={order.stageOrder}
      touchpointNames={order.touchpointNames}
    />
  );
}
