import { Button, Group, NativeSelect, SimpleGrid, TextInput } from '@mantine/core';
import {
  languages,
  linkChannels,
  responseStatuses,
  scoreBands,
  testResponseFilters,
  type SurveySummary,
} from '@polku/contracts';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import type { ResponseFilters } from '../../api/surveys';

type FilterName =
  'surveyId' | 'from' | 'to' | 'channel' | 'language' | 'band' | 'status' | 'test' | 'touchpoint';

function pick<T extends string>(allowed: readonly T[], value: string | null): T | undefined {
  return allowed.find((a) => a === value);
}

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The filters kept in the address, so a filtered list can be bookmarked and shared. */
export function useResponseFilters(): [
  ResponseFilters,
  (name: FilterName, value: string) => void,
  () => void,
] {
  const [params, setParams] = useSearchParams();
  const text = (name: FilterName) => params.get(name) || undefined;
  const date = (name: FilterName) => {
    const v = params.get(name);
    return v && /^\d{4}-\d{2}-\d{2}$/.test(v) ? v : undefined;
  };
  const filters: ResponseFilters = {
    surveyId: text('surveyId'),
    from: date('from'),
    to: date('to'),
    channel: text('channel'),
    language: pick(languages, params.get('language')),
    band: pick(scoreBands, params.get('band')),
    status: pick(responseStatuses, params.get('status')),
    test: pick(testResponseFilters, params.get('test')),
    // A journey map card links here with `touchpoint=<id>`: that touchpoint's comments.
    touchpointId: uuidPattern.test(params.get('touchpoint') ?? '')
      ? (params.get('touchpoint') ?? undefined)
      : undefined,
  };
  const set = (name: FilterName, value: string) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        if (value) next.set(name, value);
        else next.delete(name);
        return next;
      },
      { replace: true },
    );
  const clear = () => setParams(new URLSearchParams(), { replace: true });
  return [filters, set, clear];
}

/** Survey, dates, channel, language, NPS group, status and test filters of the responses list. */
export function ResponseFiltersForm(props: {
  filters: ResponseFilters;
  surveys: SurveySummary[];
  onChange: (name: FilterName, value: string) => void;
  onClear: () => void;
}) {
  const { t } = useTranslation();
  const { filters, onChange } = props;
  const any = { value: '', label: t('responses.any') };
  return (
    <form role="search" aria-label={t('responses.filters')} onSubmit={(e) => e.preventDefault()}>
      <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="sm">
        <NativeSelect
          label={t('responses.survey')}
          value={filters.surveyId ?? ''}
          data={[any, ...props.surveys.map((s) => ({ value: s.id, label: s.name }))]}
          onChange={(e) => onChange('surveyId', e.currentTarget.value)}
        />
        <TextInput
          type="date"
          label={t('responses.from')}
          value={filters.from ?? ''}
          onChange={(e) => onChange('from', e.currentTarget.value)}
        />
        <TextInput
          type="date"
          label={t('responses.to')}
          value={filters.to ?? ''}
          onChange={(e) => onChange('to', e.currentTarget.value)}
        />
        <NativeSelect
          label={t('responses.channel')}
          value={filters.channel ?? ''}
          data={[any, ...linkChannels.map((c) => ({ value: c, label: t(`links.channels.${c}`) }))]}
          onChange={(e) => onChange('channel', e.currentTarget.value)}
        />
        <NativeSelect
          label={t('responses.language')}
          value={filters.language ?? ''}
          data={[any, ...languages.map((l) => ({ value: l, label: t(`language.${l}`) }))]}
          onChange={(e) => onChange('language', e.currentTarget.value)}
        />
        <NativeSelect
          label={t('responses.band')}
          value={filters.band ?? ''}
          data={[any, ...scoreBands.map((b) => ({ value: b, label: t(`responses.bands.${b}`) }))]}
          onChange={(e) => onChange('band', e.currentTarget.value)}
        />
        <NativeSelect
          label={t('responses.status')}
          value={filters.status ?? ''}
          data={[
            any,
            ...responseStatuses.map((s) => ({ value: s, label: t(`responses.statuses.${s}`) })),
          ]}
          onChange={(e) => onChange('status', e.currentTarget.value)}
        />
        <NativeSelect
          label={t('responses.test')}
          value={filters.test ?? ''}
          data={[
            { value: '', label: t('responses.tests.include') },
            ...testResponseFilters.map((f) => ({ value: f, label: t(`responses.tests.${f}`) })),
          ]}
          onChange={(e) => onChange('test', e.currentTarget.value)}
        />
        <Group align="flex-end">
          <Button variant="default" onClick={props.onClear}>
            {t('responses.clear')}
          </Button>
        </Group>
      </SimpleGrid>
    </form>
  );
}
