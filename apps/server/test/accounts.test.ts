import type { ApiKey, Invitation, Member, SessionInfo } from '@polku/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Browser, createAccount, startTestApp, tokenFrom, type TestApp } from './support/app.js';
import { testDialects } from './support/databases.js';

for (const dialect of testDialects()) {
  describe(`accounts and workspaces on ${dialect.name}`, () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await startTestApp(dialect);
    });
    afterAll(() => t.close());

    describe('first-run setup', () => {
      it('creates the owner and workspace once, signs in, and then refuses', async () => {
        const before = await t.app.inject({ method: 'GET', url: '/api/v1/setup' });
        expect(before.json()).toEqual({ needed: true });
        const browser = new Browser(t.app);
        const body = {
          name: 'Sari Setup',
          email: 'Sari@Example.com',
          password: 'a-long-password',
          workspaceName: 'Kukkakauppa',
        };
        const res = await browser.request({ method: 'POST', url: '/api/v1/setup', payload: body });
        expect(res.statusCode).toBe(201);
        const info = res.json<SessionInfo>();
        expect(info.user.email).toBe('sari@example.com');
        expect(info.memberships).toEqual([
          expect.objectContaining({ workspaceName: 'Kukkakauppa', role: 'owner' }),
        ]);
        expect(res.cookies[0]).toMatchObject({
          name: 'polku_session',
          httpOnly: true,
          sameSite: 'Lax',
        });
        const session = await browser.request({ method: 'GET', url: '/api/v1/auth/session' });
        expect(session.statusCode).toBe(200);
        const again = await new Browser(t.app).request({
          method: 'POST',
          url: '/api/v1/setup',
          payload: { ...body, email: 'x@example.com' },
        });
        expect(again.json()).toMatchObject({ error: { code: 'SETUP_ALREADY_DONE' } });
        expect((await t.app.inject({ method: 'GET', url: '/api/v1/setup' })).json()).toEqual({
          needed: false,
        });
      });
    });

    describe('sign-in and sessions', () => {
      it('gives a new session at each login and revokes it at logout', async () => {
        const a = await createAccount(t);
        const first = a.browser.cookie;
        await a.browser.login(a.email, a.password);
        expect(a.browser.cookie).not.toBe(first);
        const oldCookie = a.browser.cookie;
        const out = await a.browser.request({ method: 'POST', url: '/api/v1/auth/logout' });
        expect(out.statusCode).toBe(200);
        const reuse = await t.app.inject({
          method: 'GET',
          url: '/api/v1/auth/session',
          headers: { cookie: oldCookie },
        });
        expect(reuse.statusCode).toBe(401);
      });

      it('answers a wrong password and an unknown email alike', async () => {
        const a = await createAccount(t);
        const wrong = await t.app.inject({
          method: 'POST',
          url: '/api/v1/auth/login',
          payload: { email: a.email, password: 'nope-nope-nope' },
        });
        const unknown = await t.app.inject({
          method: 'POST',
          url: '/api/v1/auth/login',
          payload: { email: 'nobody@example.com', password: 'nope-nope-nope' },
        });
        expect(wrong.statusCode).toBe(401);
        expect(unknown.json()).toEqual(wrong.json());
        expect(wrong.json()).toMatchObject({ error: { code: 'INVALID_CREDENTIALS' } });
      });

      it('refuses a cookie-authenticated change without the CSRF token', async () => {
        const a = await createAccount(t);
        const res = await t.app.inject({
          method: 'PATCH',
          url: `/api/v1/workspaces/${a.workspaceId}`,
          headers: { cookie: a.browser.cookie },
          payload: { name: 'Hijacked' },
        });
        expect(res.json()).toMatchObject({ error: { code: 'CSRF_TOKEN_INVALID' } });
        const ws = await a.browser.request({
          method: 'GET',
          url: `/api/v1/workspaces/${a.workspaceId}`,
        });
        expect(ws.json<{ name: string }>().name).toMatch(/^Workspace of/);
      });
    });

    describe('password reset', () => {
      it('emails a single-use token that sets a new password and signs out every session', async () => {
        const a = await createAccount(t);
        const res = await t.app.inject({
          method: 'POST',
          url: '/api/v1/auth/password-reset',
          payload: { email: a.email },
        });
        expect(res.statusCode).toBe(202);
        const unknown = await t.app.inject({
          method: 'POST',
          url: '/api/v1/auth/password-reset',
          payload: { email: 'ghost@example.com' },
        });
        expect(unknown.statusCode).toBe(202);
        const mail = await t.runtime.database.db
          .selectFrom('emails')
          .selectAll()
          .where('to', '=', a.email)
          .executeTakeFirstOrThrow();
        expect(mail.subject).toContain('Salasanan vaihto');
        const token = tokenFrom(mail.text, '/reset-password\\?token=');
        const confirm = await t.app.inject({
          method: 'POST',
          url: '/api/v1/auth/password-reset/confirm',
          payload: { token, password: 'brand-new-password' },
        });
        expect(confirm.statusCode).toBe(200);
        expect(
          (await a.browser.request({ method: 'GET', url: '/api/v1/auth/session' })).statusCode,
        ).toBe(401);
        const reuse = await t.app.inject({
          method: 'POST',
          url: '/api/v1/auth/password-reset/confirm',
          payload: { token, password: 'another-password' },
        });
        expect(reuse.json()).toMatchObject({ error: { code: 'RESET_TOKEN_INVALID' } });
        await new Browser(t.app).login(a.email, 'brand-new-password');
      });
    });

    describe('invitations and roles', () => {
      it('invites by email; the mail is queued, kept without SMTP, and its link creates the account', async () => {
        const owner = await createAccount(t);
        const res = await owner.browser.request({
          method: 'POST',
          url: `/api/v1/workspaces/${owner.workspaceId}/invitations`,
          payload: { email: 'New.Person@Example.com', role: 'analyst', language: 'sv' },
        });
        expect(res.statusCode).toBe(201);
        expect(res.json<Invitation>()).toMatchObject({
          email: 'new.person@example.com',
          role: 'analyst',
          status: 'pending',
        });
        expect(await t.runtime.worker.drain()).toBeGreaterThan(0);
        const outbox = await owner.browser.request({
          method: 'GET',
          url: `/api/v1/workspaces/${owner.workspaceId}/outbox`,
        });
        const [mail] = outbox.json<{
          items: { to: string; subject: string; text: string; status: string }[];
        }>().items;
        expect(mail).toMatchObject({ to: 'new.person@example.com', status: 'kept' });
        expect(mail!.subject).toContain('Inbjudan');
        const token = tokenFrom(mail!.text, '/invite/');

        const preview = await t.app.inject({ method: 'GET', url: `/api/v1/invitations/${token}` });
        expect(preview.json()).toMatchObject({
          email: 'new.person@example.com',
          role: 'analyst',
          accountExists: false,
        });
        const joiner = new Browser(t.app);
        const missing = await joiner.request({
          method: 'POST',
          url: `/api/v1/invitations/${token}/accept`,
          payload: {},
        });
        expect(missing.json()).toMatchObject({
          error: { code: 'VALIDATION_FAILED', details: [{ path: 'name' }, { path: 'password' }] },
        });
        const accept = await joiner.request({
          method: 'POST',
          url: `/api/v1/invitations/${token}/accept`,
          payload: { name: 'New Person', password: 'joiner-password' },
        });
        expect(accept.json()).toEqual({ workspaceId: owner.workspaceId });
        const session = (
          await joiner.request({ method: 'GET', url: '/api/v1/auth/session' })
        ).json<SessionInfo>();
        expect(session.memberships).toEqual([
          expect.objectContaining({ workspaceId: owner.workspaceId, role: 'analyst' }),
        ]);
        const again = await new Browser(t.app).request({
          method: 'POST',
          url: `/api/v1/invitations/${token}/accept`,
          payload: { name: 'X', password: 'joiner-password' },
        });
        expect(again.json()).toMatchObject({ error: { code: 'INVITATION_INVALID' } });
      });

      it('lets an existing account accept only when signed in as the invited address', async () => {
        const owner = await createAccount(t);
        const other = await createAccount(t, 'other');
        const stranger = await createAccount(t, 'stranger');
        await owner.browser.request({
          method: 'POST',
          url: `/api/v1/workspaces/${owner.workspaceId}/invitations`,
          payload: { email: other.email, role: 'viewer' },
        });
        const mail = await t.runtime.database.db
          .selectFrom('emails')
          .selectAll()
          .where('to', '=', other.email)
          .executeTakeFirstOrThrow();
        const token = tokenFrom(mail.text, '/invite/');
        const anonymous = await new Browser(t.app).request({
          method: 'POST',
          url: `/api/v1/invitations/${token}/accept`,
          payload: {},
        });
        expect(anonymous.statusCode).toBe(401);
        const wrong = await stranger.browser.request({
          method: 'POST',
          url: `/api/v1/invitations/${token}/accept`,
          payload: {},
        });
        expect(wrong.json()).toMatchObject({ error: { code: 'INVITATION_EMAIL_MISMATCH' } });
        const right = await other.browser.request({
          method: 'POST',
          url: `/api/v1/invitations/${token}/accept`,
          payload: {},
        });
        expect(right.statusCode).toBe(200);
      });

      it('keeps ownership with owners: admins cannot make or remove owners, and the last owner stays', async () => {
        const owner = await createAccount(t);
        const admin = await createAccount(t, 'admin');
        const viewer = await createAccount(t, 'viewer');
        await t.runtime.store.memberships.insert({
          workspaceId: owner.workspaceId,
          userId: admin.userId,
          role: 'admin',
          createdAt: Date.now(),
        });
        await t.runtime.store.memberships.insert({
          workspaceId: owner.workspaceId,
          userId: viewer.userId,
          role: 'viewer',
          createdAt: Date.now(),
        });
        const members = `/api/v1/workspaces/${owner.workspaceId}/members`;

        const promote = await admin.browser.request({
          method: 'PATCH',
          url: `${members}/${viewer.userId}`,
          payload: { role: 'owner' },
        });
        expect(promote.statusCode).toBe(403);
        const demoteOwner = await admin.browser.request({
          method: 'PATCH',
          url: `${members}/${owner.userId}`,
          payload: { role: 'viewer' },
        });
        expect(demoteOwner.statusCode).toBe(403);
        const toAnalyst = await admin.browser.request({
          method: 'PATCH',
          url: `${members}/${viewer.userId}`,
          payload: { role: 'analyst' },
        });
        expect(toAnalyst.json<Member>()).toMatchObject({ userId: viewer.userId, role: 'analyst' });
        const lastOwner = await owner.browser.request({
          method: 'PATCH',
          url: `${members}/${owner.userId}`,
          payload: { role: 'admin' },
        });
        expect(lastOwner.json()).toMatchObject({ error: { code: 'LAST_OWNER' } });
        const viewerTries = await viewer.browser.request({
          method: 'DELETE',
          url: `${members}/${admin.userId}`,
        });
        expect(viewerTries.statusCode).toBe(403);

        const removed = await owner.browser.request({
          method: 'DELETE',
          url: `${members}/${viewer.userId}`,
        });
        expect(removed.statusCode).toBe(200);
        const gone = await viewer.browser.request({
          method: 'GET',
          url: `/api/v1/workspaces/${owner.workspaceId}`,
        });
        expect(gone.statusCode).toBe(404);

        const audit = await owner.browser.request({
          method: 'GET',
          url: `/api/v1/workspaces/${owner.workspaceId}/audit-log`,
        });
        const actions = audit
          .json<{ items: { action: string; actor: string | null }[] }>()
          .items.map((e) => e.action);
        expect(actions).toEqual(
          expect.arrayContaining([
            'member.role_changed',
            'member.removed',
            'auth.login',
            'workspace.created',
          ]),
        );
      });
    });

    describe('API keys', () => {
      it('shows the secret once, stores it hashed, honours scopes, and stops working when revoked', async () => {
        const owner = await createAccount(t);
        const base = `/api/v1/workspaces/${owner.workspaceId}`;
        const created = await owner.browser.request({
          method: 'POST',
          url: `${base}/api-keys`,
          payload: { name: 'CRM', scopes: ['workspace.read'] },
        });
        expect(created.statusCode).toBe(201);
        const { apiKey, secret } = created.json<{ apiKey: ApiKey; secret: string }>();
        expect(secret).toMatch(/^polku_/);
        expect(apiKey.prefix).toBe(secret.slice(0, 12));
        const stored = await t.runtime.database.db
          .selectFrom('apiKeys')
          .selectAll()
          .where('id', '=', apiKey.id)
          .executeTakeFirstOrThrow();
        expect(stored.secretHash).not.toContain(secret.slice(6));
        const list = await owner.browser.request({ method: 'GET', url: `${base}/api-keys` });
        expect(list.body).not.toContain(secret);

        const bearer = { authorization: `Bearer ${secret}` };
        expect((await t.app.inject({ method: 'GET', url: base, headers: bearer })).statusCode).toBe(
          200,
        );
        const outOfScope = await t.app.inject({
          method: 'GET',
          url: `${base}/members`,
          headers: bearer,
        });
        expect(outOfScope.statusCode).toBe(403);
        const noPeople = await t.app.inject({
          method: 'GET',
          url: `${base}/api-keys`,
          headers: bearer,
        });
        expect(noPeople.statusCode).toBe(403);

        expect(
          (await owner.browser.request({ method: 'DELETE', url: `${base}/api-keys/${apiKey.id}` }))
            .statusCode,
        ).toBe(200);
        const after = await t.app.inject({ method: 'GET', url: base, headers: bearer });
        expect(after.statusCode).toBe(401);
        const audit = (
          await owner.browser.request({ method: 'GET', url: `${base}/audit-log` })
        ).json<{ items: { action: string }[] }>();
        expect(audit.items.map((e) => e.action)).toEqual(
          expect.arrayContaining(['api_key.created', 'api_key.revoked']),
        );
      });

      it('rejects a malformed or unknown bearer token', async () => {
        const owner = await createAccount(t);
        for (const authorization of ['Bearer polku_nope', 'Bearer', 'Basic abc']) {
          const res = await t.app.inject({
            method: 'GET',
            url: `/api/v1/workspaces/${owner.workspaceId}`,
            headers: { authorization },
          });
          expect(res.statusCode).toBe(401);
        }
      });
    });

    describe('workspace settings', () => {
      it('validates changes and changes nothing on bad input', async () => {
        const owner = await createAccount(t);
        const url = `/api/v1/workspaces/${owner.workspaceId}`;
        const bad = await owner.browser.request({
          method: 'PATCH',
          url,
          payload: { name: 'Ok', timeZone: 'Mars/Olympus' },
        });
        expect(bad.statusCode).toBe(400);
        expect(bad.json()).toMatchObject({
          error: { code: 'VALIDATION_FAILED', details: [{ path: 'body.timeZone' }] },
        });
        expect((await owner.browser.request({ method: 'GET', url })).json()).toMatchObject({
          timeZone: 'Europe/Helsinki',
        });
        const good = await owner.browser.request({
          method: 'PATCH',
          url,
          payload: { timeZone: 'Europe/Stockholm', languages: ['sv', 'fi'] },
        });
        expect(good.json()).toMatchObject({
          timeZone: 'Europe/Stockholm',
          languages: ['sv', 'fi'],
          defaultLanguage: 'fi',
        });
      });

      it('creates a further workspace owned by its creator', async () => {
        const a = await createAccount(t);
        const res = await a.browser.request({
          method: 'POST',
          url: '/api/v1/workspaces',
          payload: { name: 'Toinen' },
        });
        expect(res.statusCode).toBe(201);
        const info = (
          await a.browser.request({ method: 'GET', url: '/api/v1/auth/session' })
        ).json<SessionInfo>();
        expect(info.memberships.map((m) => [m.workspaceName, m.role])).toContainEqual([
          'Toinen',
          'owner',
        ]);
      });
    });
  });
}
