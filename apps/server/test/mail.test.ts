import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccount, startTestApp, type TestApp } from './support/app.js';
import { testDialects } from './support/databases.js';

/** The body as text: undoes quoted-printable soft breaks and escapes. */
function decodeQuotedPrintable(raw: string): string {
  const joined = raw.replace(/=\r?\n/g, '');
  return Buffer.from(
    joined.replace(/=([0-9A-F]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16))),
    'latin1',
  ).toString('utf8');
}

interface Received {
  from: string;
  to: string[];
  raw: string;
}

/** A real SMTP server on loopback that keeps what it receives. */
async function startSmtp(): Promise<{
  port: number;
  received: Received[];
  close(): Promise<void>;
}> {
  const received: Received[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        received.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks).toString('utf8'),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return { port, received, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

const [sqlite] = testDialects();

describe('email over SMTP', () => {
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
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
