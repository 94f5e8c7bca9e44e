import type { MetricGroup, SurveySummary } from '@polku/contracts';
import { useTranslation } from 'react-i18next';
import { useTouchpointLabel } from '../../components/touchpoint-picker';
import { useWorkspaceId } from '../../lib/membership';
import type { BreakdownBy } from './explorer-state';

const channelKeys = [
  'web',
  'qr',
  'email',
  'widget',
  'sms',
  'other',
  'page',
  'api',
  'import',
] as const;
const countKeys = [
  'promoters',
  'passives',
  'detractors',
  'satisfied',
  'neutral',
  'dissatisfied',
  'easy',
  'difficult',
  'yes',
  'partly',
  'no',
] as const;

function isOneOf<T extends string>(list: readonly T[], value: string): value is T {
  return (list as readonly string[]).includes(value);
}

/** A channel's name in the UI language; an unknown channel as it is stored. */
export function useChannelLabel() {
  const { t } = useTranslation();
  return (channel: string) =>
    isOneOf(channelKeys, channel) ? t(`analytics.channelNames.${channel}`) : channel;
}

/** A count's name ("Promoters"); rating values ("1"…"10") stay numbers. */
export function useCountLabel() {
  const { t } = useTranslation();
  return (key: string) => (isOneOf(countKeys, key) ? t(`analytics.countNames.${key}`) : key);
}

/**
 * The name of a breakdown group: the server's label where it has one (survey names), else the
 * key read by its dimension (survey, touchpoint, channel and language names), and words for
 * "none". Never an id: a chart legend, a table row and the CSV's `group` column all read this.
 */
export function useGroupLabel(
  breakdown: BreakdownBy | undefined,
  metricName: string,
  surveys: readonly SurveySummary[],
) {
  const { t } = useTranslation();
  const channel = useChannelLabel();
  const touchpoint = useTouchpointLabel(useWorkspaceId());
  return (group: Pick<MetricGroup, 'key' | 'label'>): string => {
    if (!breakdown) return metricName;
    if (group.label) return group.label;
    const key = group.key;
    if (key === null)
      return breakdown === 'touchpoint' ? t('analytics.noTouchpoint') : t('analytics.notGiven');
    switch (breakdown) {
      case 'survey':
        return surveys.find((s) => s.id === key)?.name ?? key;
      case 'touchpoint':
        return touchpoint(key);
      case 'channel':
        return channel(key);
      case 'language':
        return key === 'fi' || key === 'sv' || key === 'en' ? t(`language.${key}`) : key;
      default:
        return key;
    }
  };
}
