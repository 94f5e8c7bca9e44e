import type {
  BlueprintLane,
  JourneyStatus,
  MarkerKind,
  SubExperience,
  TouchpointChannel,
  TouchpointOwnerType,
} from '@polku/contracts';

// Records and the repository port of designed journeys. Instants are epoch milliseconds.

export interface JourneyRecord {
  workspaceId: string;
  id: string;
  name: string;
  description: string;
  status: JourneyStatus;
  /** Attached personas, in order. */
  personaIds: string[];
  createdAt: number;
  updatedAt: number;
}

export interface PersonaRecord {
  workspaceId: string;
  id: string;
  name: string;
  description: string;
  goals: string[];
  needs: string[];
  createdAt: number;
  updatedAt: number;
}

export interface StageRecord {
  workspaceId: string;
  id: string;
  journeyId: string;
  name: string;
  description: string;
  position: number;
}

export interface TouchpointRecord {
  workspaceId: string;
  id: string;
  journeyId: string;
  stageId: string;
  position: number;
  name: string;
  description: string;
  channel: TouchpointChannel;
  ownerType: TouchpointOwnerType;
  partnerName: string | null;
  subExperience: SubExperience;
  team: string | null;
  promise: string | null;
  promiseHours: number | null;
  expectation: string | null;
  createdAt: number;
  updatedAt: number;
}

export interface MarkerRecord {
  workspaceId: string;
  id: string;
  touchpointId: string;
  kind: MarkerKind;
  note: string;
  responseId: string | null;
  comment: string | null;
  createdAt: number;
  updatedAt: number;
}

export interface LaneItemRecord {
  stageId: string;
  lane: BlueprintLane;
  position: number;
  text: string;
}

/** How many surveys and survey links point at a touchpoint. */
export interface TouchpointUsage {
  touchpointId: string;
  surveys: number;
  links: number;
}

/** Every query filters by the workspace; children of a deleted parent go with it. */
export interface JourneyRepository {
  listJourneys(
    workspaceId: string,
  ): Promise<(JourneyRecord & { stageCount: number; touchpointCount: number })[]>;
  findJourney(workspaceId: string, id: string): Promise<JourneyRecord | undefined>;
  /** Inserts the journey and its persona links. */
  insertJourney(journey: JourneyRecord): Promise<void>;
  /** Updates the journey's fields and replaces its persona links. */
  updateJourney(journey: JourneyRecord): Promise<void>;
  /** Deletes the journey with its stages, touchpoints, lanes, markers and persona links. */
  deleteJourney(workspaceId: string, id: string): Promise<void>;

  /** In position order. */
  listStages(workspaceId: string, journeyId: string): Promise<StageRecord[]>;
  findStage(workspaceId: string, id: string): Promise<StageRecord | undefined>;
  insertStage(stage: StageRecord): Promise<void>;
  updateStage(stage: StageRecord): Promise<void>;
  /** Deletes the stage with its touchpoints, markers and lane items. */
  deleteStage(workspaceId: string, id: string): Promise<void>;
  /** Sets each stage's position to its index in `stageIds`. */
  setStagePositions(workspaceId: string, stageIds: readonly string[]): Promise<void>;

  /** The journey's touchpoints, by stage and position. */
  listTouchpoints(workspaceId: string, journeyId: string): Promise<TouchpointRecord[]>;
  findTouchpoint(workspaceId: string, id: string): Promise<TouchpointRecord | undefined>;
  /** Which of `ids` are touchpoints of the workspace. */
  existingTouchpointIds(workspaceId: string, ids: readonly string[]): Promise<Set<string>>;
  /** Touchpoint names by id: of the ids given, or of every touchpoint of the workspace. */
  touchpointNames(workspaceId: string, ids?: readonly string[]): Promise<Map<string, string>>;
  insertTouchpoint(touchpoint: TouchpointRecord): Promise<void>;
  updateTouchpoint(touchpoint: TouchpointRecord): Promise<void>;
  deleteTouchpoint(workspaceId: string, id: string): Promise<void>;
  /** Places each touchpoint on `stageId` at its index in `touchpointIds`. */
  placeTouchpoints(
    workspaceId: string,
    stageId: string,
    touchpointIds: readonly string[],
  ): Promise<void>;
  /** Surveys and links pointing at each of `touchpointIds` (only those with any). */
  touchpointUsage(
    workspaceId: string,
    touchpointIds: readonly string[],
  ): Promise<TouchpointUsage[]>;
  /** Complete responses per touchpoint whose local day is within from…to (inclusive). */
  responseVolumes(
    workspaceId: string,
    touchpointIds: readonly string[],
    from: string,
    to: string,
  ): Promise<Map<string, number>>;

  /** Lane items of the stages, by stage, lane and position. */
  listLaneItems(workspaceId: string, stageIds: readonly string[]): Promise<LaneItemRecord[]>;
  replaceLane(
    workspaceId: string,
    stageId: string,
    lane: BlueprintLane,
    items: readonly string[],
  ): Promise<void>;

  /** Markers of the journey's touchpoints, oldest first. */
  listMarkers(workspaceId: string, journeyId: string): Promise<MarkerRecord[]>;
  findMarker(workspaceId: string, id: string): Promise<MarkerRecord | undefined>;
  insertMarker(marker: MarkerRecord): Promise<void>;
  updateMarker(marker: MarkerRecord): Promise<void>;
  deleteMarker(workspaceId: string, id: string): Promise<void>;

  listPersonas(workspaceId: string): Promise<PersonaRecord[]>;
  findPersona(workspaceId: string, id: string): Promise<PersonaRecord | undefined>;
  insertPersona(persona: PersonaRecord): Promise<void>;
  updatePersona(persona: PersonaRecord): Promise<void>;
  /** Deletes the persona and detaches it from every journey. */
  deletePersona(workspaceId: string, id: string): Promise<void>;
}
