import { createHmac } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type {
  MetricAlert,
  Survey,
  Target,
  TargetEvaluation,
  TargetWithEvaluation,
  Webhook,
} from '@polku/contracts';
import {
  addDays,
  computeNps,
  localDay,
  METRIC_ALERTS_JOB,
  type IntakeInput,
  type WorkspaceRecord,
} from '@polku/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccount, startTestApp, type Account, type TestApp } from './support/app.js';
import { testDialects } from './support/databases.js';
import { createTouchpoint } from './support/journeys.js';
import { decodeQuotedPrintable, startSmtp, type TestSmtpServer } from './support/smtp.js';

const DAY_MS = 86_400_000;

interface Received {
  headers: IncomingHttpHeaders;
  body: string;
}

/** A real HTTP receiver on loopback; `failFirst` answers 500 that many times before 200. */
async function startReceiver(failFirst = 0): Promise<{
  url: string;
  received: Received[];
  close(): Promise<void>;
}> {
  const received: Received[] = [];
  let failures = failFirst;
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      received.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
      if (failures > 0) {
        failures -= 1;
        res.writeHead(500).end('try again');
      } else res.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hook`,
    received,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** The receiver's own check, written with node:crypto only (as docs/webhooks.md shows). */
function signatureIsValid(secret: string, r: Received): boolean {
  const timestamp = r.headers['polku-timestamp'];
  const signature = r.headers['polku-signature'];
  if (typeof timestamp !== 'string' || typeof signature !== 'string') return false;
  const expected = createHmac('sha256', secret).update(`${timestamp}.${r.body}`).digest('hex');
  return signature === `sha256=${expected}`;
}

const npsAnswers = (promoters: number, passives: number, detractors: number): number[] => [
  ...Array<number>(promoters).fill(9),
  ...Array<number>(passives).fill(7),
  ...Array<number>(detractors).fill(3),
];

for (const dialect of testDialects()) {
  describe(`targets and alerts on ${dialect.name}`, () => {
    let t: TestApp;
    let smtp: TestSmtpServer;
    let owner: Account;
    let admin: Account;
    let viewer: Account;
    let outsider: Account;
    let workspace: WorkspaceRecord;
    let tillTouchpoint: string;
    let base: string;
    const surveys: Record<string, Survey> = {};
    let today: string;
    let period: { kind: 'fixed'; from: string; to: string };

    async function createSurvey(name: string): Promise<Survey> {
      const url = `${base}/surveys`;
      const survey = (
        await owner.browser.request({ method: 'POST', url, payload: { name, template: 'nps' } })
      ).json<Survey>();
      const published = await owner.browser.request({
        method: 'POST',
        url: `${url}/${survey.id}/publish`,
      });
      expect(published.statusCode).toBe(200);
      return survey;
    }

    /** Answers spread over the days `daysAgo` (each answer on one of them, in turn). */
    async function answer(
      survey: Survey,
      scores: number[],
      daysAgo: number[],
      touchpointId: string | null = null,
    ): Promise<void> {
      const now = t.runtime.clock.now();
      const inputs: IntakeInput[] = scores.map((nps, i) => ({
        surveyId: survey.id,
        touchpointId,
        submittedAt: now - daysAgo[i % daysAgo.length]! * DAY_MS,
        partial: false,
        source: 'api',
        answers: { nps, reason: 'koska' },
      }));
      await t.runtime.services.responses.submitBatch({ workspace }, inputs);
    }

    const targetBody = (over: Record<string, unknown> = {}) => ({
      name: 'Suositteluhalukkuus',
      metric: { kind: 'nps', surveyId: surveys.main!.id, question: 'nps' },
      scope: { kind: 'survey', id: surveys.main!.id },
      period,
      target: 30,
      goal: 'Kanta-asiakkaat suosittelevat meitä',
      ownerUserId: owner.userId,
      ...over,
    });

    async function targetsNow(): Promise<string> {
      const db = t.runtime.database.db;
      return JSON.stringify(
        await Promise.all([
          db
            .selectFrom('metricTargets')
            .selectAll()
            .where('workspaceId', '=', workspace.id)
            .orderBy('id')
            .execute(),
          db
            .selectFrom('auditLog')
            .select('id')
            .where('workspaceId', '=', workspace.id)
            .where('action', 'like', 'target.%')
            .execute(),
        ]),
      );
    }

    async function runAlertJob(now = t.runtime.clock.now()): Promise<void> {
      expect(await t.runtime.scheduler.tick(now)).toContain(METRIC_ALERTS_JOB);
      await t.runtime.worker.drain();
    }

    beforeAll(async () => {
      smtp = await startSmtp();
      // A fixed day: which recurring period is current (this quarter, this month) is then the
      // same whatever day the suite runs.
      t = await startTestApp(dialect, {
        POLKU_TODAY: '2026-03-28',
        SMTP_URL: `smtp://127.0.0.1:${smtp.port}`,
        POLKU_WEBHOOKS_ALLOW_LOOPBACK: '1',
      });
      owner = await createAccount(t, 'owner');
      admin = await createAccount(t, 'admin');
      viewer = await createAccount(t, 'viewer');
      outsider = await createAccount(t, 'outsider');
      await t.runtime.store.users.update(admin.userId, { language: 'en' });
      for (const [who, role] of [
        [admin, 'admin'],
        [viewer, 'viewer'],
      ] as const)
        await t.runtime.store.memberships.insert({
          workspaceId: owner.workspaceId,
          userId: who.userId,
          role,
          createdAt: t.runtime.clock.now(),
        });
      workspace = (await t.runtime.store.workspaces.findById(owner.workspaceId))!;
      base = `/api/v1/workspaces/${workspace.id}`;
      today = localDay(t.runtime.clock.now(), workspace.timeZone);
      // 30 days: the 13 before today, today, and 16 to come; the previous period is the 30
      // days before it.
      period = { kind: 'fixed', from: addDays(today, -13), to: addDays(today, 16) };
      surveys.main = await createSurvey('Asiointi');
      surveys.steady = await createSurvey('Verkkokauppa');
      surveys.small = await createSurvey('Pop-up');
      const current = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
      const previous = [20, 22, 25, 28, 30];
      // main: previous 28/8/4 (NPS 60) → current 12/8/20 (NPS −20): missed and dropped.
      await answer(surveys.main, npsAnswers(28, 8, 4), previous);
      await answer(surveys.main, npsAnswers(12, 8, 20), current);
      // steady: previous 14/12/14 (NPS 0) → current 12/14/14 (NPS −5): met (target −50), and
      // a five-point dip on 40 answers is no significant drop.
      await answer(surveys.steady, npsAnswers(14, 12, 14), previous);
      await answer(surveys.steady, npsAnswers(12, 14, 14), current);
      // small: ten answers, all detractors: far below target but too few to say.
      await answer(surveys.small, npsAnswers(0, 0, 10), current);
      // A touchpoint across surveys: 20/10/10 there (NPS 25); ten detractors elsewhere.
      surveys.till = await createSurvey('Kassa');
      tillTouchpoint = await createTouchpoint(owner.browser, owner.workspaceId, 'Kassa');
      await answer(surveys.till, npsAnswers(20, 10, 10), current, tillTouchpoint);
      await answer(surveys.till, npsAnswers(0, 0, 10), current);
    });
    afterAll(async () => {
      await t.close();
      await smtp.close();
    });

    describe('target records', () => {
      it('creates, lists, updates and deletes a target; viewers read but do not change', async () => {
        const created = await owner.browser.request({
          method: 'POST',
          url: `${base}/targets`,
          payload: targetBody({ name: 'Väliaikainen' }),
        });
        expect(created.statusCode).toBe(201);
        const target = created.json<Target>();
        expect(target).toMatchObject({
          name: 'Väliaikainen',
          ownerUserId: owner.userId,
          ownerName: expect.stringContaining('owner') as string,
          alertOnMiss: true,
          alertOnDrop: true,
          notifyAdmins: false,
        });
        const asViewer = await viewer.browser.request({ method: 'GET', url: `${base}/targets` });
        expect(asViewer.json<{ items: Target[] }>().items.map((x) => x.id)).toContain(target.id);
        const refused = await viewer.browser.request({
          method: 'POST',
          url: `${base}/targets`,
          payload: targetBody(),
        });
        expect(refused.statusCode).toBe(403);

        const updated = await owner.browser.request({
          method: 'PATCH',
          url: `${base}/targets/${target.id}`,
          payload: { target: 25.5, period: { kind: 'recurring', every: 'quarter' } },
        });
        expect(updated.statusCode).toBe(200);
        expect(updated.json<Target>()).toMatchObject({
          target: 25.5,
          period: { kind: 'recurring', every: 'quarter' },
          name: 'Väliaikainen',
        });
        const deleted = await owner.browser.request({
          method: 'DELETE',
          url: `${base}/targets/${target.id}`,
        });
        expect(deleted.statusCode).toBe(200);
        const gone = await owner.browser.request({
          method: 'GET',
          url: `${base}/targets/${target.id}/evaluation`,
        });
        expect(gone.statusCode).toBe(404);
      });

      it('refuses bad targets with a clear error and changes nothing', async () => {
        const cases: [Record<string, unknown>, string, string][] = [
          [{ ownerUserId: outsider.userId }, 'VALIDATION_FAILED', 'body.ownerUserId'],
          [
            { metric: { kind: 'nps', surveyId: surveys.main!.id, question: 'nope' } },
            'TARGET_METRIC_INVALID',
            'body.metric',
          ],
          [
            { metric: { kind: 'csat', surveyId: surveys.main!.id, question: 'nps' } },
            'TARGET_METRIC_INVALID',
            'body.metric',
          ],
          [{ target: 150 }, 'VALIDATION_FAILED', 'body.target'],
          [
            { scope: { kind: 'survey', id: surveys.steady!.id } },
            'VALIDATION_FAILED',
            'body.scope.id',
          ],
          [
            { period: { kind: 'fixed', from: '2026-05-02', to: '2026-05-01' } },
            'VALIDATION_FAILED',
            'body.period',
          ],
          [{ goal: '' }, 'VALIDATION_FAILED', 'body.goal'],
        ];
        const before = await targetsNow();
        for (const [over, code, path] of cases) {
          const res = await owner.browser.request({
            method: 'POST',
            url: `${base}/targets`,
            payload: targetBody(over),
          });
          expect(res.statusCode, JSON.stringify(over)).toBe(400);
          const error = res.json<{ error: { code: string; details: { path: string }[] } }>().error;
          expect(error.code, JSON.stringify(over)).toBe(code);
          expect(error.details.map((d) => d.path).join(' '), JSON.stringify(over)).toContain(path);
        }
        expect(await targetsNow()).toBe(before);
      });

      it('refuses a bad change to an existing target and keeps it as it was', async () => {
        const target = (
          await owner.browser.request({
            method: 'POST',
            url: `${base}/targets`,
            payload: targetBody({ name: 'Muuttumaton' }),
          })
        ).json<Target>();
        const before = await targetsNow();
        for (const payload of [
          { ownerUserId: outsider.userId },
          { target: -101 },
          { metric: { kind: 'ces', surveyId: surveys.main!.id, question: 'nps' } },
        ]) {
          const res = await owner.browser.request({
            method: 'PATCH',
            url: `${base}/targets/${target.id}`,
            payload,
          });
          expect(res.statusCode).toBe(400);
        }
        expect(await targetsNow()).toBe(before);
        await owner.browser.request({ method: 'DELETE', url: `${base}/targets/${target.id}` });
      });
    });

    describe('evaluation and alerts', () => {
      let main: Target;
      let steady: Target;
      let small: Target;
      let good: Awaited<ReturnType<typeof startReceiver>>;
      let flaky: Awaited<ReturnType<typeof startReceiver>>;
      let goodSecret: string;
      let flakySecret: string;

      beforeAll(async () => {
        good = await startReceiver();
        flaky = await startReceiver(1);
        const create = async (body: Record<string, unknown>) => {
          const res = await owner.browser.request({
            method: 'POST',
            url: `${base}/targets`,
            payload: body,
          });
          expect(res.statusCode, res.body).toBe(201);
          return res.json<Target>();
        };
        main = await create(targetBody({ notifyAdmins: true }));
        steady = await create(
          targetBody({
            name: 'Verkkokauppa',
            metric: { kind: 'nps', surveyId: surveys.steady!.id, question: 'nps' },
            scope: { kind: 'survey', id: surveys.steady!.id },
            target: -50,
          }),
        );
        small = await create(
          targetBody({
            name: 'Pop-up',
            metric: { kind: 'nps', surveyId: surveys.small!.id, question: 'nps' },
            scope: { kind: 'survey', id: surveys.small!.id },
          }),
        );
        const hook = async (name: string, url: string) => {
          const res = await owner.browser.request({
            method: 'POST',
            url: `${base}/webhooks`,
            payload: { name, url },
          });
          expect(res.statusCode, res.body).toBe(201);
          return res.json<{ webhook: Webhook; secret: string }>().secret;
        };
        goodSecret = await hook('Good', good.url);
        flakySecret = await hook('Flaky', flaky.url);
      });
      afterAll(async () => {
        await good.close();
        await flaky.close();
      });

      it('evaluates a target against hand-computed figures', async () => {
        const res = await viewer.browser.request({
          method: 'GET',
          url: `${base}/targets/${main.id}/evaluation`,
        });
        expect(res.statusCode).toBe(200);
        const e = res.json<TargetEvaluation>();
        // 12 promoters, 8 passives, 20 detractors: NPS = 100·(12 − 20)/40 = −20.
        const expected = computeNps(
          new Map([
            [9, 12],
            [7, 8],
            [3, 20],
          ]),
        );
        expect(e).toMatchObject({
          status: 'missed',
          target: 30,
          n: 40,
          clearMiss: true,
          period: { from: period.from, to: period.to },
          previous: {
            period: { from: addDays(period.from, -30), to: addDays(period.from, -1) },
            n: 40,
          },
          change: { significant: true, smallSample: false },
        });
        expect(e.score).toBeCloseTo(-20, 10);
        expect(e.ci95![0]).toBeCloseTo(expected.ci95![0], 10);
        expect(e.ci95![1]).toBeCloseTo(expected.ci95![1], 10);
        expect(e.ci95![1]).toBeLessThan(30);
        // 28/8/4 before: NPS 60, so the change is −80 points.
        expect(e.previous!.score).toBeCloseTo(60, 10);
        expect(e.change!.difference).toBeCloseTo(-80, 10);
        expect(e.chartUrl).toBe(
          `http://polku.test/w/${workspace.id}/analytics?kind=nps&survey=${surveys.main!.id}` +
            `&question=nps&by=day&from=${period.from}&to=${period.to}`,
        );

        const all = (
          await viewer.browser.request({ method: 'GET', url: `${base}/target-evaluations` })
        ).json<{ items: TargetWithEvaluation[] }>().items;
        const byId = new Map(all.map((x) => [x.target.id, x.evaluation]));
        expect(byId.get(steady.id)).toMatchObject({ status: 'met', n: 40 });
        expect(byId.get(steady.id)!.score).toBeCloseTo(-5, 10);
        expect(byId.get(steady.id)!.change!.significant).toBe(false);
        expect(byId.get(small.id)).toMatchObject({ status: 'too-few', n: 10, clearMiss: false });
        expect(byId.get(small.id)!.score).toBeCloseTo(-100, 10);
        expect(all[0]!.target.metric).toEqual(main.metric);

        // Every NPS question of the workspace, at one touchpoint: only the 40 answers given there.
        const till = await owner.browser.request({
          method: 'POST',
          url: `${base}/targets`,
          payload: targetBody({
            name: 'Kassa',
            metric: { kind: 'nps' },
            scope: { kind: 'touchpoint', id: tillTouchpoint },
            target: 20,
          }),
        });
        expect(till.statusCode, till.body).toBe(201);
        const tillEval = (
          await viewer.browser.request({
            method: 'GET',
            url: `${base}/targets/${till.json<Target>().id}/evaluation`,
          })
        ).json<TargetEvaluation>();
        expect(tillEval).toMatchObject({ status: 'met', n: 40, change: null });
        expect(tillEval.score).toBeCloseTo(25, 10);
        expect(tillEval.chartUrl).toContain('?kind=nps&by=day&');
        expect(tillEval.chartUrl).toMatch(new RegExp(`&touchpoint=${tillTouchpoint}$`));
      });

      it('raises each alert once across runs, by email and by signed webhook', async () => {
        await runAlertJob();
        const alerts = await t.runtime.database.db
          .selectFrom('metricAlerts')
          .selectAll()
          .where('workspaceId', '=', workspace.id)
          .orderBy('condition')
          .execute();
        // main missed clearly and dropped significantly; steady met and dipped by noise; the
        // small survey had too few answers to judge.
        expect(alerts.map((a) => [a.targetId, a.condition])).toEqual([
          [main.id, 'dropped'],
          [main.id, 'missed'],
        ]);

        // Email to the owner (Finnish) and, as asked, to the admin (English); every mail links
        // to the chart.
        const mails = smtp.received.map((m) => ({
          to: m.to[0],
          text: decodeQuotedPrintable(m.raw),
        }));
        expect(mails.map((m) => m.to).sort()).toEqual(
          [owner.email, owner.email, admin.email, admin.email].sort(),
        );
        const toOwner = mails.filter((m) => m.to === owner.email).map((m) => m.text);
        // Finnish numbers: decimal comma and the minus sign U+2212.
        expect(toOwner.some((x) => x.includes('NPS jää tavoitteesta 30,0: \u221220,0'))).toBe(true);
        expect(toOwner.some((x) => x.includes('laski merkitsevästi'))).toBe(true);
        const toAdmin = mails.filter((m) => m.to === admin.email).map((m) => m.text);
        expect(toAdmin.some((x) => x.includes('misses the target of 30.0'))).toBe(true);
        expect(toAdmin.every((x) => x.includes('Kanta-asiakkaat suosittelevat meitä'))).toBe(true);
        for (const m of mails)
          expect(m.text).toContain(`http://polku.test/w/${workspace.id}/analytics?kind=nps`);

        // The webhook: two deliveries (one per alert), each signed over "<timestamp>.<body>".
        expect(good.received).toHaveLength(2);
        for (const r of good.received) {
          expect(signatureIsValid(goodSecret, r)).toBe(true);
          expect(signatureIsValid(flakySecret, r)).toBe(false);
          expect(r.headers['content-type']).toBe('application/json');
          const body = JSON.parse(r.body) as { type: string; alert: Record<string, unknown> };
          expect(body.type).toBe('metric.alert');
          expect(body.alert).toMatchObject({
            target: { id: main.id, value: 30, goal: 'Kanta-asiakkaat suosittelevat meitä' },
            n: 40,
            chartUrl: expect.stringContaining('/analytics?kind=nps') as string,
          });
        }
        const conditions = good.received.map(
          (r) => (JSON.parse(r.body) as { alert: { condition: string } }).alert.condition,
        );
        expect(conditions.sort()).toEqual(['dropped', 'missed']);

        // The flaky receiver answered 500 to its first request: that delivery waits for a retry
        // through the job queue, due some seconds from now.
        expect(flaky.received).toHaveLength(2);
        const pending = await t.runtime.database.db
          .selectFrom('alertDeliveries')
          .selectAll()
          .where('workspaceId', '=', workspace.id)
          .where('recipient', '=', flaky.url)
          .orderBy('id')
          .execute();
        expect(pending.map((d) => [d.status, Number(d.attempts), d.responseStatus]).sort()).toEqual(
          [
            ['queued', 1, 500],
            ['sent', 1, 204],
          ],
        );
        const retry = await t.runtime.database.db
          .selectFrom('jobs')
          .selectAll()
          .where('kind', '=', 'webhook.deliver')
          .where('status', '=', 'queued')
          .execute();
        expect(retry).toHaveLength(1);
        expect(Number(retry[0]!.runAt)).toBeGreaterThan(t.runtime.clock.now());

        // The second run (the next slot of the schedule) finds the same conditions: nothing new.
        const mailCount = smtp.received.length;
        await runAlertJob(t.runtime.clock.now() + 16 * 60_000);
        const again = await t.runtime.database.db
          .selectFrom('metricAlerts')
          .select('id')
          .where('workspaceId', '=', workspace.id)
          .execute();
        expect(again).toHaveLength(2);
        expect(smtp.received).toHaveLength(mailCount);
        expect(good.received).toHaveLength(2);
      });

      it('retries a webhook whose receiver failed, with backoff through the job queue', async () => {
        // An hour later at the latest the retry has run, and succeeded.
        await t.runtime.worker.drain(() => t.runtime.clock.now() + 3_600_000);
        expect(flaky.received).toHaveLength(3);
        expect(signatureIsValid(flakySecret, flaky.received[2]!)).toBe(true);
        expect(flaky.received[2]!.body).toBe(flaky.received[0]!.body);

        const history = (
          await viewer.browser.request({ method: 'GET', url: `${base}/metric-alerts` })
        ).json<{ items: MetricAlert[] }>().items;
        expect(history).toHaveLength(2);
        for (const alert of history) {
          expect(alert.targetName).toBe('Suositteluhalukkuus');
          expect(alert.deliveries.filter((d) => d.channel === 'email')).toHaveLength(2);
          expect(alert.deliveries.every((d) => d.status === 'sent')).toBe(true);
        }
        const flakyDeliveries = history.flatMap((a) =>
          a.deliveries.filter((d) => d.recipient === flaky.url),
        );
        expect(flakyDeliveries.map((d) => d.attempts).sort()).toEqual([1, 2]);
      });
    });

    describe('webhooks', () => {
      it('shows the secret once, refuses plain http elsewhere, and sends a signed test', async () => {
        const receiver = await startReceiver();
        try {
          const created = await owner.browser.request({
            method: 'POST',
            url: `${base}/webhooks`,
            payload: { name: 'Test', url: receiver.url },
          });
          expect(created.statusCode).toBe(201);
          const { webhook, secret } = created.json<{ webhook: Webhook; secret: string }>();
          expect(secret).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
          const list = await owner.browser.request({ method: 'GET', url: `${base}/webhooks` });
          expect(list.body).not.toContain(secret);
          expect(list.json<{ items: Webhook[] }>().items.map((w) => w.id)).toContain(webhook.id);

          const tested = await owner.browser.request({
            method: 'POST',
            url: `${base}/webhooks/${webhook.id}/test`,
          });
          expect(tested.json()).toEqual({ delivered: true, status: 204, error: null });
          expect(receiver.received).toHaveLength(1);
          expect(signatureIsValid(secret, receiver.received[0]!)).toBe(true);
          expect(JSON.parse(receiver.received[0]!.body)).toMatchObject({ type: 'webhook.test' });

          const before = (await owner.browser.request({ method: 'GET', url: `${base}/webhooks` }))
            .body;
          for (const url of ['http://hooks.example.com/x', 'https://169.254.169.254/x', 'nope']) {
            const bad = await owner.browser.request({
              method: 'POST',
              url: `${base}/webhooks`,
              payload: { name: 'Bad', url },
            });
            expect(bad.statusCode, url).toBe(400);
            const patched = await owner.browser.request({
              method: 'PATCH',
              url: `${base}/webhooks/${webhook.id}`,
              payload: { url },
            });
            expect(patched.statusCode, url).toBe(400);
          }
          const analyst = await viewer.browser.request({ method: 'GET', url: `${base}/webhooks` });
          expect(analyst.statusCode).toBe(403);
          expect(
            (await owner.browser.request({ method: 'GET', url: `${base}/webhooks` })).body,
          ).toBe(before);

          const disabled = await owner.browser.request({
            method: 'PATCH',
            url: `${base}/webhooks/${webhook.id}`,
            payload: { enabled: false },
          });
          expect(disabled.json<Webhook>().enabled).toBe(false);
          expect(
            (
              await owner.browser.request({
                method: 'DELETE',
                url: `${base}/webhooks/${webhook.id}`,
              })
            ).statusCode,
          ).toBe(200);
        } finally {
          await receiver.close();
        }
      });
    });
  });
}
