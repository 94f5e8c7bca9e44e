import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccount, startTestApp, type TestApp } from './support/app.js';
import { testDialects } from './support/databases.js';
import { decodeQuotedPrintable, startSmtp, type TestSmtpServer } from './support/smtp.js';

const [sqlite] = testDialects();

describe('email over SMTP', () => {
  let smtp: TestSmtpServer;
  let t: TestApp;
  beforeAll(async () => {
    smtp = await startSmtp();
    t = await startTestApp(sqlite!, {
      SMTP_URL: `smtp://127.0.0.1:${smtp.port}`,
      MAIL_FROM: 'Polku <polku@example.com>',
    });
  });
  afterAll(async () => {
    await t.close();
    await smtp.close();
  });

  it('delivers an invitation through the job queue and marks it sent', async () => {
    const owner = await createAccount(t);
    await owner.browser.request({
      method: 'POST',
      url: `/api/v1/workspaces/${owner.workspaceId}/invitations`,
      payload: { email: 'guest@example.com', role: 'agent', language: 'en' },
    });
    expect(smtp.received).toHaveLength(0); // queued, not sent inside the request
    await t.runtime.worker.drain();
    expect(smtp.received).toHaveLength(1);
    const mail = smtp.received[0]!;
    expect(mail.to).toEqual(['guest@example.com']);
    expect(mail.from).toBe('polku@example.com');
    const text = decodeQuotedPrintable(mail.raw);
    expect(text).toContain('invited you to the Polku workspace "Workspace of owner');
    expect(text).toContain('– Polku');
    expect(text).toMatch(/http:\/\/polku\.test\/invite\/[A-Za-z0-9_-]+/);
    const outbox = await owner.browser.request({
      method: 'GET',
      url: `/api/v1/workspaces/${owner.workspaceId}/outbox`,
    });
    expect(outbox.json()).toMatchObject({ items: [{ to: 'guest@example.com', status: 'sent' }] });
  });

  it('keeps a mail queued for retry while the SMTP server is down', async () => {
    const down = await startTestApp(sqlite!, { SMTP_URL: 'smtp://127.0.0.1:1' });
    try {
      const owner = await createAccount(down);
      await owner.browser.request({
        method: 'POST',
        url: `/api/v1/workspaces/${owner.workspaceId}/invitations`,
        payload: { email: 'later@example.com', role: 'viewer' },
      });
      await down.runtime.worker.drain();
      const job = await down.runtime.database.db
        .selectFrom('jobs')
        .selectAll()
        .where('kind', '=', 'email.send')
        .executeTakeFirstOrThrow();
      expect(job).toMatchObject({ status: 'queued', attempts: 1 });
      expect(job.lastError).toMatch(/ECONNREFUSED|connect/i);
      const outbox = await owner.browser.request({
        method: 'GET',
        url: `/api/v1/workspaces/${owner.workspaceId}/outbox`,
      });
      expect(outbox.json()).toMatchObject({
        items: [{ to: 'later@example.com', status: 'queued' }],
      });
    } finally {
      await down.close();
    }
  });
});
