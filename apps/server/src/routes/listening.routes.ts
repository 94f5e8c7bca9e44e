import type { IntakeInput } from '@polku/core';
import type { RouteHandlers } from '../http/route-table.js';
import type { Services } from '../services.js';

type ListeningRoutes =
  | 'listSurveys'
  | 'createSurvey'
  | 'getSurvey'
  | 'updateSurvey'
  | 'publishSurvey'
  | 'closeSurvey'
  | 'getSurveyVersion'
  | 'listSurveyLinks'
  | 'createSurveyLink'
  | 'closeSurveyLink'
  | 'updateSurveyLink'
  | 'listSurveyInvitations'
  | 'createSurveyInvitations'
  | 'submitResponse'
  | 'submitResponseBatch'
  | 'listResponses'
  | 'listResponseAttributes'
  | 'getResponse';

/** Surveys, links and response intake over the API: thin calls into core. */
export function listeningHandlers({
  surveys,
  responses,
  surveyInvitations,
}: Services): Pick<RouteHandlers, ListeningRoutes> {
  const viaApi = (body: Omit<IntakeInput, 'source'>): IntakeInput => ({ ...body, source: 'api' });
  return {
    listSurveys: async ({ auth }) => ({ items: await surveys.list(auth) }),
    createSurvey: ({ auth, body }) => surveys.create(auth, body),
    getSurvey: ({ auth, params }) => surveys.get(auth, params.surveyId),
    updateSurvey: ({ auth, params, body }) => surveys.update(auth, params.surveyId, body),
    publishSurvey: ({ auth, params }) => surveys.publish(auth, params.surveyId),
    closeSurvey: ({ auth, params }) => surveys.close(auth, params.surveyId),
    getSurveyVersion: ({ auth, params }) =>
      surveys.getVersion(auth, params.surveyId, params.version),
    listSurveyLinks: async ({ auth, params }) => ({
      items: await surveys.listLinks(auth, params.surveyId),
    }),
    createSurveyLink: ({ auth, params, body }) => surveys.createLink(auth, params.surveyId, body),
    closeSurveyLink: ({ auth, params }) => surveys.closeLink(auth, params.surveyId, params.linkId),
    updateSurveyLink: ({ auth, params, body }) =>
      surveys.updateLink(auth, params.surveyId, params.linkId, body),
    listSurveyInvitations: async ({ auth, params }) => ({
      items: await surveyInvitations.list(auth, params.surveyId),
    }),
    createSurveyInvitations: ({ auth, params, body }) =>
      surveyInvitations.create(auth, params.surveyId, body),
    submitResponse: ({ auth, body }) => responses.submit(auth, viaApi(body)),
    submitResponseBatch: ({ auth, body }) =>
      responses.submitBatch(auth, body.responses.map(viaApi)),
    listResponses: ({ auth, query }) => responses.list(auth, query),
    listResponseAttributes: ({ auth }) => responses.attributeKeys(auth),
    getResponse: ({ auth, params }) => responses.get(auth, params.responseId),
  };
}
