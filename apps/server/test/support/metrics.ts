import type { MetricQuery, MetricResult } from '@polku/contracts';
import { expect } from 'vitest';
import type { Account } from './app.js';

/** POST …/metrics/query in the account's workspace, as its browser; the answer must be 200. */
export async function queryMetric(account: Account, body: MetricQuery): Promise<MetricResult> {
  const res = await account.browser.request({
    method: 'POST',
    url: `/api/v1/workspaces/${account.workspaceId}/metrics/query`,
    payload: body,
  });
  expect(res.statusCode, res.body).toBe(200);
  return res.json<MetricResult>();
}
