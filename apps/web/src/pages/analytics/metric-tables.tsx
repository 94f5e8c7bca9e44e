import { Stack, Table, Text } from '@mantine/core';
import type { MetricGroup, QuestionMetricBucket } from '@polku/contracts';
import { useTranslation } from 'react-i18next';
import { changeOf } from '../../api/metrics';
import { useCountLabel } from './labels';
import { directionOf, type MetricFormat } from './metric-format';
import { TableRegion } from '../../components/table-region';

function Flags({ bucket }: { bucket: QuestionMetricBucket }) {
  const { t } = useTranslation();
  if (bucket.n === 0 || !bucket.smallSample) return null;
  // Text rather than a badge: it wraps in a narrow column instead of being cut off.
  return (
    <Text span size="xs" fw={600} title={t('analytics.smallSampleHint')}>
      ⚠ {t('analytics.smallSample')}
    </Text>
  );
}

/** Under an incomplete bucket's name: "in progress, 2/31 days" (or cut; one to come says so in its score). */
function Coverage({ bucket, format }: { bucket: QuestionMetricBucket; format: MetricFormat }) {
  const text = bucket.coverage?.state === 'future' ? null : format.coverage(bucket.coverage);
  return text ? (
    <Text span display="block" size="xs" fw={400} data-testid="bucket-coverage">
      {text}
    </Text>
  ) : null;
}

/**
 * The score cell: "No answers" for an empty bucket, never a 0; a bucket still to come (after
 * today) is "not started yet", not a bucket that nobody answered.
 */
function Score({ bucket, format }: { bucket: QuestionMetricBucket; format: MetricFormat }) {
  const { t } = useTranslation();
  return bucket.n === 0 || bucket.score === null ? (
    <Text span size="sm" c="dimmed" fs="italic" data-testid="bucket-empty">
      {bucket.coverage?.state === 'future'
        ? format.coverage(bucket.coverage)
        : t('analytics.noAnswers')}
    </Text>
  ) : (
    <>{format.score(bucket.score)}</>
  );
}

/** The whole period per group: the figure a breakdown compares (n in every cell). */
export function TotalsTable(props: {
  groups: readonly MetricGroup[];
  labelOf: (g: MetricGroup) => string;
  format: MetricFormat;
  caption: string;
}) {
  const { t } = useTranslation();
  const { format } = props;
  return (
    <TableRegion label={props.caption} minWidth={480}>
      <Table striped captionSide="top">
        <Table.Caption ta="left">{props.caption}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('analytics.group')}</Table.Th>
            <Table.Th scope="col">{t('analytics.score')}</Table.Th>
            <Table.Th scope="col">{t('analytics.interval')}</Table.Th>
            <Table.Th scope="col">{t('analytics.nLong')}</Table.Th>
            <Table.Th scope="col">{t('analytics.flags')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {props.groups.map((g) => (
            <Table.Tr key={g.key ?? ''}>
              <Table.Th scope="row" fw={500}>
                {props.labelOf(g)}
              </Table.Th>
              <Table.Td>
                <Score bucket={g.total} format={format} />
              </Table.Td>
              <Table.Td>
                {g.total.n === 0 ? t('common.none') : format.interval(g.total.ci95)}
              </Table.Td>
              <Table.Td>{format.count(g.total.n)}</Table.Td>
              <Table.Td>
                <Flags bucket={g.total} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </TableRegion>
  );
}

/** Every bucket of every group, with n, the counts behind the score and the flags. */
export function BucketsTable(props: {
  groups: readonly MetricGroup[];
  labelOf: (g: MetricGroup) => string;
  format: MetricFormat;
  caption: string;
  broken: boolean;
}) {
  const { t } = useTranslation();
  const countLabel = useCountLabel();
  const { format } = props;
  const withChange = props.groups.some((g) => g.buckets.some((b) => changeOf(b) !== null));
  return (
    <TableRegion label={props.caption} minWidth={props.broken ? 860 : 720}>
      <Table striped highlightOnHover captionSide="top" data-testid="metric-table">
        <Table.Caption ta="left">{props.caption}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('analytics.bucketColumn')}</Table.Th>
            {props.broken && <Table.Th scope="col">{t('analytics.group')}</Table.Th>}
            <Table.Th scope="col">{t('analytics.score')}</Table.Th>
            <Table.Th scope="col">{t('analytics.interval')}</Table.Th>
            <Table.Th scope="col">{t('analytics.nLong')}</Table.Th>
            <Table.Th scope="col">{t('analytics.counts')}</Table.Th>
            {withChange && <Table.Th scope="col">{t('analytics.change')}</Table.Th>}
            <Table.Th scope="col">{t('analytics.flags')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {props.groups.flatMap((g) =>
            g.buckets.map((b) => {
              const change = changeOf(b);
              const dir = directionOf(change);
              return (
                <Table.Tr key={`${g.key ?? ''}|${b.bucket}`}>
                  <Table.Th scope="row" fw={500}>
                    {format.bucket(b.bucket)}
                    <Coverage bucket={b} format={format} />
                  </Table.Th>
                  {props.broken && <Table.Td>{props.labelOf(g)}</Table.Td>}
                  <Table.Td>
                    <Score bucket={b} format={format} />
                  </Table.Td>
                  <Table.Td>{b.n === 0 ? t('common.none') : format.interval(b.ci95)}</Table.Td>
                  <Table.Td>
                    {b.coverage?.state === 'future' ? t('common.none') : format.count(b.n)}
                  </Table.Td>
                  <Table.Td>
                    <Text span size="xs">
                      {Object.entries(b.counts)
                        .map(([k, v]) => `${countLabel(k)} ${format.count(v)}`)
                        .join(' · ')}
                    </Text>
                  </Table.Td>
                  {withChange && (
                    <Table.Td>
                      {change ? (
                        <Stack gap={2} align="flex-start">
                          <Text span size="sm">
                            {t('analytics.changeText', {
                              difference: format.difference(change.difference),
                              p: format.p(change.pValue),
                            })}
                          </Text>
                          {format.comparedWith(change) && (
                            <Text span size="xs">
                              {format.comparedWith(change)}
                            </Text>
                          )}
                          {dir !== 0 && (
                            <Text span size="xs" fw={600}>
                              {dir > 0
                                ? `▲ ${t('analytics.significantUp')}`
                                : `▼ ${t('analytics.significantDown')}`}
                            </Text>
                          )}
                        </Stack>
                      ) : (
                        t('common.none')
                      )}
                    </Table.Td>
                  )}
                  <Table.Td>
                    <Flags bucket={b} />
                  </Table.Td>
                </Table.Tr>
              );
            }),
          )}
        </Table.Tbody>
      </Table>
    </TableRegion>
  );
}
