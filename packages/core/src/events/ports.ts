// What the events area needs from storage (implemented in packages/db, events.repository.ts).

/** One customer event as stored. Instants are epoch ms; `day` is local to the workspace. */
export interface CustomerEventRecord {
  workspaceId: string;
  id: string;
  customerRef: string;
  type: string;
  /** A touchpoint's id; not checked against the journey model (see docs/journeys.md). */
  touchpointId: string | null;
  occurredAt: number;
  day: string;
  value: number | null;
  createdAt: number;
}

export interface EventFilter {
  customerRef?: string | undefined;
  type?: string | undefined;
  fromDay?: string | undefined;
  toDay?: string | undefined;
}

/** Which touches the observed flow counts. */
export interface FlowScope {
  fromDay?: string | undefined;
  toDay?: string | undefined;
  /** Only events of these types; undefined: every type. */
  eventTypes?: string[] | undefined;
  /** Whether complete responses at a touchpoint are touches too. */
  includeResponses: boolean;
  /**
   * Only sequences whose latest answer in the period to one of these (NPS) questions lies in
   * [min, max]. An empty question list matches no sequence.
   */
  outcome?: { questions: { surveyId: string; questionKey: string }[]; min: number; max: number };
  /** Steps after this one are counted together (step = maxSteps + 1). */
  maxSteps: number;
}

/**
 * Touches counted by position: `step` is the touch's 1-based place in its sequence, capped at
 * maxSteps + 1; `from` is the previous touch's touchpoint (null for a sequence's first touch),
 * `to` this touch's; `ends` how many of the `count` touches were their sequence's last.
 */
export interface FlowCountRow {
  step: number;
  from: string | null;
  to: string;
  count: number;
  ends: number;
}

export interface EventRepository {
  /** Inserts the events whose (workspace, id) is new; returns the ids actually inserted. */
  insertMany(events: CustomerEventRecord[]): Promise<string[]>;
  findByIds(workspaceId: string, ids: string[]): Promise<CustomerEventRecord[]>;
  /** Newest first (occurred_at, then id); `before` is the id of the last event seen. */
  list(
    workspaceId: string,
    filter: EventFilter,
    limit: number,
    before?: string,
  ): Promise<CustomerEventRecord[]>;
  /** The observed flow's counts, computed in SQL with window functions. */
  flowCounts(workspaceId: string, scope: FlowScope): Promise<FlowCountRow[]>;
}
