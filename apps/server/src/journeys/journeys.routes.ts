import { journeyMetricsBodySchema, type Language } from '@polku/contracts';
import type { RouteHandlers } from '../http/route-table.js';
import type { FileRouteHandler } from '../http/file-routes.js';
import type { ChromiumRenderer } from '../infra/chromium.js';
import type { Services } from '../services.js';
import { journeyMapHtml, mapWidth, type ExportMetricKind } from './map-html.js';

type JourneyRoutes =
  | 'listJourneys'
  | 'createJourney'
  | 'listJourneyTemplates'
  | 'createJourneyFromTemplate'
  | 'getJourneyMap'
  | 'updateJourney'
  | 'deleteJourney'
  | 'createStage'
  | 'reorderStages'
  | 'updateStage'
  | 'deleteStage'
  | 'updateStageLanes'
  | 'createTouchpoint'
  | 'updateTouchpoint'
  | 'moveTouchpoint'
  | 'deleteTouchpoint'
  | 'createMarker'
  | 'updateMarker'
  | 'deleteMarker'
  | 'getJourneyMetrics'
  | 'listPersonas'
  | 'createPersona'
  | 'updatePersona'
  | 'deletePersona';

const ok = { ok: true as const };

/** Journeys, stages, touchpoints, lanes, markers, personas and the map's metrics: thin calls. */
export function journeyHandlers({
  journeys,
  personas,
  journeyMetrics,
}: Pick<Services, 'journeys' | 'personas' | 'journeyMetrics'>): Pick<RouteHandlers, JourneyRoutes> {
  return {
    listJourneys: async ({ auth }) => ({ items: await journeys.list(auth) }),
    createJourney: ({ auth, body }) => journeys.create(auth, body),
    listJourneyTemplates: ({ auth, query }) =>
      Promise.resolve({ items: journeys.templates(auth, query.language) }),
    createJourneyFromTemplate: ({ auth, body }) => journeys.createFromTemplate(auth, body),
    getJourneyMap: ({ auth, params }) => journeys.map(auth, params.journeyId),
    updateJourney: ({ auth, params, body }) => journeys.update(auth, params.journeyId, body),
    deleteJourney: async ({ auth, params }) => {
      await journeys.delete(auth, params.journeyId);
      return ok;
    },
    createStage: ({ auth, params, body }) => journeys.createStage(auth, params.journeyId, body),
    reorderStages: async ({ auth, params, body }) => ({
      items: await journeys.reorderStages(auth, params.journeyId, body.stageIds),
    }),
    updateStage: ({ auth, params, body }) =>
      journeys.updateStage(auth, params.journeyId, params.stageId, body),
    deleteStage: async ({ auth, params }) => {
      await journeys.deleteStage(auth, params.journeyId, params.stageId);
      return ok;
    },
    updateStageLanes: ({ auth, params, body }) =>
      journeys.updateLanes(auth, params.journeyId, params.stageId, body),
    createTouchpoint: ({ auth, params, body }) =>
      journeys.createTouchpoint(auth, params.journeyId, body),
    updateTouchpoint: ({ auth, params, body }) =>
      journeys.updateTouchpoint(auth, params.journeyId, params.touchpointId, body),
    moveTouchpoint: ({ auth, params, body }) =>
      journeys.moveTouchpoint(auth, params.journeyId, params.touchpointId, body),
    deleteTouchpoint: async ({ auth, params }) => {
      await journeys.deleteTouchpoint(auth, params.journeyId, params.touchpointId);
      return ok;
    },
    createMarker: ({ auth, params, body }) =>
      journeys.createMarker(auth, params.journeyId, params.touchpointId, body),
    updateMarker: ({ auth, params, body }) =>
      journeys.updateMarker(auth, params.journeyId, params.touchpointId, params.markerId, body),
    deleteMarker: async ({ auth, params }) => {
      await journeys.deleteMarker(auth, params.journeyId, params.touchpointId, params.markerId);
      return ok;
    },
    getJourneyMetrics: ({ auth, params, body }) =>
      journeyMetrics.forJourney(auth, params.journeyId, body),
    listPersonas: async ({ auth }) => ({ items: await personas.list(auth) }),
    createPersona: ({ auth, body }) => personas.create(auth, body),
    updatePersona: ({ auth, params, body }) => personas.update(auth, params.personaId, body),
    deletePersona: async ({ auth, params }) => {
      await personas.delete(auth, params.personaId);
      return ok;
    },
  };
}

/** The map as PNG or PDF, rendered by Chromium from the server's own HTML (map-html.ts). */
export function journeyExportHandlers(
  { journeys, journeyMetrics }: Pick<Services, 'journeys' | 'journeyMetrics'>,
  renderer: ChromiumRenderer,
): Record<'journeyExportPng' | 'journeyExportPdf', FileRouteHandler> {
  const exporter =
    (format: 'png' | 'pdf'): FileRouteHandler =>
    async ({ auth, params, query, reply }) => {
      const journeyId = params.journeyId ?? '';
      const map = await journeys.map(auth, journeyId);
      const language = (query.lang as Language | undefined) ?? auth.workspace.defaultLanguage;
      // The query is validated (file-routes.ts): a metric always comes with from and to.
      const kind = query.metric as ExportMetricKind | undefined;
      const metrics = kind
        ? {
            kind,
            // Parsed like the metrics route's body, so the metric's defaults apply the same.
            data: await journeyMetrics.forJourney(
              auth,
              journeyId,
              journeyMetricsBodySchema.parse({ metric: { kind }, from: query.from, to: query.to }),
            ),
          }
        : null;
      const html = journeyMapHtml(map, language, metrics);
      const body = await renderer.render(html, format, mapWidth(map));
      void reply.header(
        'content-disposition',
        `attachment; filename="journey-${map.journey.id}.${format}"`,
      );
      return body;
    };
  return { journeyExportPng: exporter('png'), journeyExportPdf: exporter('pdf') };
}
