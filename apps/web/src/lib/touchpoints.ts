import type { JourneyMap } from '@polku/contracts';

/** One touchpoint as the pickers and labels name it: its own name, its journey and stage. */
export interface TouchpointEntry {
  id: string;
  name: string;
  journeyName: string;
  stageName: string;
  /** The name as a picker lists it: the bare name, unless another touchpoint has it too. */
  label: string;
}

/**
 * Every touchpoint of the given journey maps, in map order (journey, stage, place in stage).
 * A name that two touchpoints share gets its journey and stage, so a pill or a table row is
 * never ambiguous.
 */
export function touchpointDirectory(maps: readonly JourneyMap[]): TouchpointEntry[] {
  const entries = maps.flatMap((m) =>
    m.stages.flatMap((s) =>
      s.touchpoints.map((tp) => ({
        id: tp.id,
        name: tp.name,
        journeyName: m.journey.name,
        stageName: s.name,
      })),
    ),
  );
  const seen = new Map<string, number>();
  for (const e of entries) seen.set(e.name, (seen.get(e.name) ?? 0) + 1);
  return entries.map((e) => ({
    ...e,
    label: (seen.get(e.name) ?? 0) > 1 ? `${e.name} (${e.journeyName} · ${e.stageName})` : e.name,
  }));
}

/** Options grouped by "journey · stage", as Mantine's selects take groups. */
export function touchpointOptions(
  entries: readonly TouchpointEntry[],
): { group: string; items: { value: string; label: string }[] }[] {
  const groups = new Map<string, { value: string; label: string }[]>();
  for (const e of entries) {
    const group = `${e.journeyName} · ${e.stageName}`;
    const items = groups.get(group) ?? [];
    items.push({ value: e.id, label: e.label });
    groups.set(group, items);
  }
  return [...groups].map(([group, items]) => ({ group, items }));
}
