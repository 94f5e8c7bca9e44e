import type { Journey, JourneyStage, Touchpoint } from '@polku/contracts';
import type { Browser } from './app.js';

/**
 * A touchpoint on a journey of its own (one stage), through the API: surveys, links and
 * responses may only name touchpoints that exist in the workspace.
 */
export async function createTouchpoint(
  browser: Browser,
  workspaceId: string,
  name = 'Myymälä',
): Promise<string> {
  const base = `/api/v1/workspaces/${workspaceId}/journeys`;
  const json = async <T>(method: string, url: string, payload: unknown): Promise<T> => {
    const res = await browser.request({ method, url, payload: payload as object });
    if (res.statusCode !== 201) throw new Error(`${method} ${url}: ${res.statusCode} ${res.body}`);
    return res.json<T>();
  };
  const journey = await json<Journey>('POST', base, { name: `Polku: ${name}` });
  const stage = await json<JourneyStage>('POST', `${base}/${journey.id}/stages`, { name: 'Vaihe' });
  const tp = await json<Touchpoint>('POST', `${base}/${journey.id}/touchpoints`, {
    stageId: stage.id,
    name,
    channel: 'physical',
    subExperience: 'purchase',
  });
  return tp.id;
}
