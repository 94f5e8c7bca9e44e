import { Route, Routes } from 'react-router';
import { NotFoundPage } from '../app/not-found-page';
import { JourneyMapPage } from './journey-map-page';
import { JourneysPage } from './journeys-page';

/** The journeys area (`/w/:workspaceId/journeys/*`), loaded as one lazy chunk. */
export function JourneyRoutes() {
  return (
    <Routes>
      <Route index element={<JourneysPage />} />
      <Route path=":journeyId" element={<JourneyMapPage />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
