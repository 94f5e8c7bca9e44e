import type { Journey, JourneyMarker, JourneyStage, Persona, Touchpoint } from '@polku/contracts';
import type {
  JourneyRecord,
  MarkerRecord,
  PersonaRecord,
  StageRecord,
  TouchpointRecord,
} from './ports.js';

/** Only the fields given (zod leaves absent keys out; `undefined` never means "clear"). */
export function given<T extends object>(patch: T): Partial<T> {
  return Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) as Partial<T>;
}

export const toJourney = ({ workspaceId: _w, ...j }: JourneyRecord): Journey => j;
export const toStage = ({ workspaceId: _w, ...s }: StageRecord): JourneyStage => s;
export const toTouchpoint = ({ workspaceId: _w, ...t }: TouchpointRecord): Touchpoint => t;
export const toMarker = ({ workspaceId: _w, ...m }: MarkerRecord): JourneyMarker => m;
export const toPersona = ({ workspaceId: _w, ...p }: PersonaRecord): Persona => p;
