import type { RouteHandlers } from '../http/route-table.js';
import type { Services } from '../services.js';

type AnalysesRoutes =
  | 'analyzeKeyDrivers'
  | 'analyzeImportancePerformance'
  | 'analyzeExpectationGaps'
  | 'analyzeKano'
  | 'analyzeEmotions'
  | 'analyzeResponseRate'
  | 'analyzeIncidents'
  | 'listIncidentCategories'
  | 'createIncidentCategory'
  | 'updateIncidentCategory'
  | 'deleteIncidentCategory'
  | 'listIncidentAnswers'
  | 'codeIncidentAnswer';

/** Analyses and incident coding over the API: thin calls into core. */
export function analysesHandlers({
  analyses,
  incidents,
}: Pick<Services, 'analyses' | 'incidents'>): Pick<RouteHandlers, AnalysesRoutes> {
  return {
    analyzeKeyDrivers: ({ auth, body }) => analyses.keyDrivers(auth, body),
    analyzeImportancePerformance: ({ auth, body }) => analyses.importancePerformance(auth, body),
    analyzeExpectationGaps: ({ auth, body }) => analyses.expectationGaps(auth, body),
    analyzeKano: ({ auth, body }) => analyses.kano(auth, body),
    analyzeEmotions: ({ auth, body }) => analyses.emotions(auth, body),
    analyzeResponseRate: ({ auth, body }) => analyses.responseRate(auth, body),
    analyzeIncidents: ({ auth, body }) => incidents.analyze(auth, body),
    listIncidentCategories: async ({ auth }) => ({ items: await incidents.listCategories(auth) }),
    createIncidentCategory: ({ auth, body }) => incidents.createCategory(auth, body),
    updateIncidentCategory: ({ auth, params, body }) =>
      incidents.updateCategory(auth, params.categoryId, body),
    deleteIncidentCategory: async ({ auth, params }) => {
      await incidents.deleteCategory(auth, params.categoryId);
      return { ok: true as const };
    },
    listIncidentAnswers: ({ auth, query }) => incidents.listAnswers(auth, query),
    codeIncidentAnswer: ({ auth, params, body }) =>
      incidents.codeAnswer(auth, params.responseId, params.questionKey, body.categoryId),
  };
}
