import type { MetricFilters } from '@polku/contracts';

/** One picked customer attribute condition: responses whose `key` was `value`. */
export interface AttributeCondition {
  key: string;
  value: string;
}

/** The picked conditions as the metric filters take them: one entry per key, its values. */
export function attributeFilters(
  picked: AttributeCondition[],
): NonNullable<MetricFilters['attributes']> {
  const byKey = new Map<string, string[]>();
  for (const { key, value } of picked) byKey.set(key, [...(byKey.get(key) ?? []), value]);
  return [...byKey].map(([key, values]) => ({ key, values }));
}
