import { Route, Routes } from 'react-router';
import { NotFoundPage } from '../app/not-found-page';
import { SurveyPage } from './survey-page';
import { SurveysPage } from './surveys-page';

/** `/w/:workspaceId/surveys/*`: the list and the builder. Loaded on demand. */
export function SurveyRoutes() {
  return (
    <Routes>
      <Route index element={<SurveysPage />} />
      <Route path=":surveyId" element={<SurveyPage />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
