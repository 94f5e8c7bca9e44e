import type { SurveyDefinition } from '@polku/contracts';
import type { SurveyRepository } from '../ports.js';
import { DomainError } from '../shared/errors.js';

/**
 * The definition metrics and analyses read a survey by: its latest published version (the draft when it was
 * never published). NOT_FOUND when the workspace has no such survey.
 */
export async function loadCurrentDefinition(
  surveys: Pick<SurveyRepository, 'findById' | 'findVersion'>,
  workspaceId: string,
  surveyId: string,
): Promise<SurveyDefinition> {
  const survey = await surveys.findById(workspaceId, surveyId);
  if (!survey) throw new DomainError('NOT_FOUND', `No survey ${surveyId}.`);
  if (survey.publishedVersion === null) return survey.draft;
  const version = await surveys.findVersion(workspaceId, surveyId, survey.publishedVersion);
  return version?.definition ?? survey.draft;
}
