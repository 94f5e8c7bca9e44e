import {
  ActionIcon,
  Anchor,
  Badge,
  Group,
  Menu,
  Text,
  UnstyledButton,
  VisuallyHidden,
} from '@mantine/core';
import { useSortable } from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import type { JourneyMetrics, MapStage, MapTouchpoint, TouchpointChannel } from '@polku/contracts';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { MetricFormat } from '../analytics/metric-format';
import { heatArrow, heatBackground, heatLevel, smallSampleLimit } from './heat';
import type { MapMetricKind, OtherCount } from './map-metrics';

/**
 * A symbol for each channel; decoration only (the channel's name is written beside it). Plain
 * text symbols that common fonts carry (no emoji font is needed).
 */
export const channelGlyphs: Record<TouchpointChannel, string> = {
  physical: '⌂',
  web: '⊕',
  mobile: '▯',
  phone: '☎',
  email: '✉',
  chat: '✎',
  social: '☺',
  print: '▤',
  brand_ads: '✦',
};

export type TouchpointFigure = JourneyMetrics['touchpoints'][number];

/** What the cards need to draw the chosen metric (null when no metric is chosen). */
export interface CardMetrics {
  kind: Exclude<MapMetricKind, 'none'>;
  /** Answers to the other question metrics, by touchpoint (named when the chosen has none). */
  others: Map<string, OtherCount[]>;
  scoreName: string;
  steps: { near: number; far: number };
  journeyScore: number | null;
  figures: Map<string, TouchpointFigure>;
  format: MetricFormat;
  explorerHref: (touchpointId: string) => string;
  responsesHref: (touchpointId: string) => string;
}

/** The chosen metric on a card: score, n, volume, its level against target or average. */
function CardMetric(props: { touchpoint: MapTouchpoint; metrics: CardMetrics }) {
  const { t } = useTranslation();
  const { metrics, touchpoint } = props;
  const figure = metrics.figures.get(touchpoint.id);
  if (!figure) return null;
  const reference = figure.target?.target ?? metrics.journeyScore;
  const others = metrics.others.get(touchpoint.id) ?? [];
  const level = heatLevel(figure, reference, metrics.steps);
  const against =
    reference === null
      ? ''
      : figure.target
        ? t('journeys.metrics.against.target', { value: metrics.format.score(reference) })
        : t('journeys.metrics.against.average', { value: metrics.format.score(reference) });
  return (
    <div data-testid="touchpoint-metric">
      <Anchor
        component={Link}
        to={metrics.explorerHref(touchpoint.id)}
        className="jm-metric"
        style={{ background: level ? heatBackground[level] : 'var(--mantine-color-gray-1)' }}
        data-level={level ?? 'none'}
      >
        <VisuallyHidden>{t('journeys.metrics.trend', { name: touchpoint.name })}: </VisuallyHidden>
        {figure.score === null ? (
          <Text span size="sm">
            {t(`journeys.metrics.noAnswersOf.${metrics.kind}`)}
          </Text>
        ) : (
          <>
            <Text span fw={700} size="lg" data-testid="touchpoint-score">
              {metrics.format.score(figure.score)}
            </Text>{' '}
            {level && (
              <Text span size="xs">
                <span aria-hidden>{heatArrow[level]}</span> {t(`journeys.metrics.levels.${level}`)}{' '}
                {against}
              </Text>
            )}
          </>
        )}
      </Anchor>
      <Group gap={6} mt={4} wrap="wrap">
        {figure.n > 0 ? (
          <>
            <Text size="xs" data-testid="touchpoint-n">
              {t('journeys.metrics.n', { n: metrics.format.count(figure.n) })}
            </Text>
            <Text size="xs">
              ·{' '}
              {t('journeys.metrics.volume', {
                count: figure.volume,
                formatted: metrics.format.count(figure.volume),
              })}
            </Text>
          </>
        ) : (
          // Without answers to the chosen metric: which metrics this touchpoint does have.
          <Text size="xs" data-testid="touchpoint-others">
            {others.length > 0
              ? others
                  .map((o) =>
                    t(`journeys.metrics.answersOf.${o.kind}`, {
                      count: o.n,
                      formatted: metrics.format.count(o.n),
                    }),
                  )
                  .join(' · ')
              : figure.volume > 0
                ? t('journeys.metrics.volume', {
                    count: figure.volume,
                    formatted: metrics.format.count(figure.volume),
                  })
                : t('journeys.metrics.noAnswers')}
          </Text>
        )}
        {figure.n > 0 && figure.n < smallSampleLimit && (
          <Badge size="xs" color="yellow" variant="light" data-testid="small-sample">
            {t('journeys.metrics.smallSample')}
          </Badge>
        )}
        <Anchor
          component={Link}
          to={metrics.responsesHref(touchpoint.id)}
          size="xs"
          aria-label={t('journeys.metrics.comments', { name: touchpoint.name })}
        >
          {t('journeys.metrics.commentsLink')}
        </Anchor>
      </Group>
    </div>
  );
}

/**
 * One touchpoint on the map: compact facts (channel, owner, sub-experience, team, promise,
 * expectation, markers) and the chosen metric; the name opens every detail. It can be dragged
 * by its handle, and moved with the actions menu (up, down, to another stage) from the keyboard.
 */
export function TouchpointCard(props: {
  touchpoint: MapTouchpoint;
  stage: MapStage;
  stages: MapStage[];
  index: number;
  canManage: boolean;
  metrics: CardMetrics | null;
  onOpen: () => void;
  onMove: (stageId: string, position: number) => void;
  onDelete: () => void;
}) {
  const { t } = useTranslation();
  const { touchpoint: tp, canManage } = props;
  const {
    attributes,
    listeners,
    setNodeRef,
    setActivatorNodeRef,
    transform,
    transition,
    isDragging,
  } = useSortable({
    id: `tp:${tp.id}`,
    data: { type: 'touchpoint', stageId: props.stage.id, name: tp.name },
    disabled: !canManage,
  });
  const pains = tp.markers.filter((m) => m.kind === 'pain').length;
  const delights = tp.markers.filter((m) => m.kind === 'delight').length;
  const count = props.stage.touchpoints.length;
  const owner =
    tp.ownerType === 'partner' && tp.partnerName
      ? `${t('journeys.owners.partner')}: ${tp.partnerName}`
      : t(`journeys.owners.${tp.ownerType}`);

  return (
    <article
      ref={setNodeRef}
      className="jm-card"
      data-testid="touchpoint-card"
      data-touchpoint={tp.id}
      data-dragging={isDragging}
      aria-label={tp.name}
      style={{
        transform: CSS.Translate.toString(transform),
        transition: transition,
      }}
    >
      <Group gap={4} wrap="nowrap" align="flex-start">
        {canManage && (
          <ActionIcon
            variant="subtle"
            color="gray"
            size="sm"
            ref={setActivatorNodeRef}
            {...attributes}
            {...listeners}
            aria-label={t('journeys.touchpoint.drag', { name: tp.name })}
            style={{ cursor: 'grab', touchAction: 'none' }}
          >
            <span aria-hidden>⠿</span>
          </ActionIcon>
        )}
        <UnstyledButton onClick={props.onOpen} style={{ flex: 1, minWidth: 0 }}>
          <Text fw={600} size="sm" c="blue.8" style={{ textDecoration: 'underline' }}>
            {tp.name}
          </Text>
        </UnstyledButton>
        {canManage && (
          <Menu position="bottom-end" withinPortal>
            <Menu.Target>
              <ActionIcon
                variant="subtle"
                color="gray"
                size="sm"
                aria-label={t('journeys.touchpoint.actions', { name: tp.name })}
              >
                <span aria-hidden>⋯</span>
              </ActionIcon>
            </Menu.Target>
            <Menu.Dropdown>
              <Menu.Item onClick={props.onOpen}>{t('journeys.touchpoint.edit')}</Menu.Item>
              <Menu.Item
                disabled={props.index === 0}
                onClick={() => props.onMove(props.stage.id, props.index - 1)}
              >
                {t('journeys.touchpoint.moveUp')}
              </Menu.Item>
              <Menu.Item
                disabled={props.index >= count - 1}
                onClick={() => props.onMove(props.stage.id, props.index + 1)}
              >
                {t('journeys.touchpoint.moveDown')}
              </Menu.Item>
              <Menu.Divider />
              <Menu.Label>{t('journeys.touchpoint.moveToLabel')}</Menu.Label>
              {props.stages
                .filter((s) => s.id !== props.stage.id)
                .map((s) => (
                  <Menu.Item key={s.id} onClick={() => props.onMove(s.id, s.touchpoints.length)}>
                    {t('journeys.touchpoint.moveTo', { stage: s.name })}
                  </Menu.Item>
                ))}
              <Menu.Divider />
              <Menu.Item color="red" onClick={props.onDelete}>
                {t('journeys.touchpoint.delete')}
              </Menu.Item>
            </Menu.Dropdown>
          </Menu>
        )}
      </Group>
      <Group gap={4} mt={4} wrap="wrap">
        <Badge variant="light" color="blue" size="sm" tt="none">
          <span aria-hidden>{channelGlyphs[tp.channel]} </span>
          {t(`journeys.channels.${tp.channel}`)}
        </Badge>
        <Badge variant="outline" color="gray" size="sm" tt="none">
          {owner}
        </Badge>
        <Badge variant="outline" color="gray" size="sm" tt="none">
          {t(`journeys.subExperiences.${tp.subExperience}`)}
        </Badge>
      </Group>
      {tp.team && (
        <Text size="xs" mt={4}>
          {t('journeys.touchpoint.teamShort', { team: tp.team })}
        </Text>
      )}
      {tp.promise && (
        <Text size="xs" lineClamp={2}>
          {t('journeys.touchpoint.promiseShort', { text: tp.promise })}
        </Text>
      )}
      {tp.expectation && (
        <Text size="xs" lineClamp={2}>
          {t('journeys.touchpoint.expectationShort', { text: tp.expectation })}
        </Text>
      )}
      {(pains > 0 || delights > 0) && (
        <Group gap={4} mt={4}>
          {pains > 0 && (
            <Badge color="red" variant="light" size="sm" tt="none" data-testid="pain-marker">
              <span aria-hidden>⚠ </span>
              {t('journeys.markers.pains', { count: pains })}
            </Badge>
          )}
          {delights > 0 && (
            <Badge color="green" variant="light" size="sm" tt="none" data-testid="delight-marker">
              <span aria-hidden>★ </span>
              {t('journeys.markers.delights', { count: delights })}
            </Badge>
          )}
        </Group>
      )}
      {(tp.surveyCount > 0 || tp.linkCount > 0) && (
        <Text size="xs" mt={4} data-testid="touchpoint-listening">
          {t('journeys.touchpoint.listening', {
            what: [
              tp.surveyCount > 0 ? t('journeys.touchpoint.surveys', { count: tp.surveyCount }) : '',
              tp.linkCount > 0 ? t('journeys.touchpoint.links', { count: tp.linkCount }) : '',
            ]
              .filter(Boolean)
              .join(' · '),
          })}
        </Text>
      )}
      {props.metrics && (
        <div style={{ marginTop: 6 }}>
          <CardMetric touchpoint={tp} metrics={props.metrics} />
        </div>
      )}
    </article>
  );
}
