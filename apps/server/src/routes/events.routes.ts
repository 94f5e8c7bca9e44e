import type { RouteHandlers } from '../http/route-table.js';
import type { Services } from '../services.js';

type EventRoutes = 'recordEvent' | 'recordEventBatch' | 'listEvents' | 'queryObservedFlow';

/** Customer events and the observed flow: thin calls into core. */
export function eventHandlers({
  events,
}: Pick<Services, 'events'>): Pick<RouteHandlers, EventRoutes> {
  return {
    recordEvent: ({ auth, body }) => events.record(auth, body),
    recordEventBatch: ({ auth, body }) => events.recordBatch(auth, body.events),
    listEvents: ({ auth, query }) => events.list(auth, query),
    queryObservedFlow: ({ auth, body }) => events.observedFlow(auth, body),
  };
}
