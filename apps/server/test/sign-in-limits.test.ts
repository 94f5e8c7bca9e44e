import { HOUR, MINUTE } from '@polku/core';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createAccount,
  startTestApp,
  tokenFrom,
  type Account,
  type TestApp,
} from './support/app.js';
import { HandClock } from './support/clock.js';
import { testDialects } from './support/databases.js';

let addresses = 0;
/** A fresh client address for each caller, so the tests' limits never meet. */
function newAddress(): string {
  addresses += 1;
  return `198.51.${(addresses >> 8) & 255}.${addresses & 255}`;
}

const retryAfter = (res: LightMyRequestResponse) => Number(res.headers['retry-after']);

for (const dialect of testDialects()) {
  describe(`sign-in limits on ${dialect.name}`, () => {
    const clock = new HandClock();
    let t: TestApp;
    beforeAll(async () => {
      t = await startTestApp(dialect, {}, { clock });
    });
    afterAll(() => t.close());

    const signIn = (email: string, password: string, remoteAddress: string) =>
      t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { email, password },
        remoteAddress,
      });

    /** Sends `n` wrong passwords for `email` from `address`; returns the status codes. */
    async function guess(email: string, address: string, n: number): Promise<number[]> {
      const codes: number[] = [];
      for (let i = 0; i < n; i++)
        codes.push((await signIn(email, `wrong-guess-${i}`, address)).statusCode);
      return codes;
    }

    describe('per account and address', () => {
      let owner: Account;
      beforeAll(async () => {
        owner = await createAccount(t);
      });

      it('ten wrong passwords from one address never stop the owner signing in from another', async () => {
        const attacker = newAddress();
        expect(await guess(owner.email, attacker, 10)).toEqual([
          401, 401, 401, 401, 401, 429, 429, 429, 429, 429,
        ]);
        const home = await signIn(owner.email, owner.password, newAddress());
        expect(home.statusCode).toBe(200);
      });

      it('slows the address that failed five times, longer after each further failure, and says how long', async () => {
        const a = await createAccount(t);
        const address = newAddress();
        expect(await guess(a.email, address, 5)).toEqual([401, 401, 401, 401, 401]);

        const waits: number[] = [];
        for (let i = 0; i < 7; i++) {
          const slowed = await signIn(a.email, 'another-guess', address);
          expect(slowed.statusCode).toBe(429);
          expect(slowed.json()).toMatchObject({ error: { code: 'RATE_LIMITED' } });
          waits.push(retryAfter(slowed));
          clock.advance(retryAfter(slowed) * 1000);
          expect((await signIn(a.email, 'another-guess', address)).statusCode).toBe(401);
        }
        // 30 s, doubling, at most 15 minutes.
        expect(waits).toEqual([30, 60, 120, 240, 480, 900, 900]);
      });

      it('refuses even the right password while the address waits, and lets it in after the wait', async () => {
        const a = await createAccount(t);
        const address = newAddress();
        await guess(a.email, address, 5);
        const early = await signIn(a.email, a.password, address);
        expect(early.statusCode).toBe(429);
        expect(early.json<{ error: { message: string } }>().error.message).toBe(
          'Too many failed sign-ins to this account from your address. Try again in 30 seconds.',
        );
        clock.advance(29_000);
        expect((await signIn(a.email, a.password, address)).statusCode).toBe(429);
        clock.advance(1_000);
        expect((await signIn(a.email, a.password, address)).statusCode).toBe(200);
      });

      it('starts the address afresh after a successful sign-in', async () => {
        const a = await createAccount(t);
        const address = newAddress();
        await guess(a.email, address, 5);
        clock.advance(30_000);
        expect((await signIn(a.email, a.password, address)).statusCode).toBe(200);
        expect(await guess(a.email, address, 6)).toEqual([401, 401, 401, 401, 401, 429]);
      });

      it('remembers failures until an hour after the last one, then starts afresh', async () => {
        const a = await createAccount(t);
        const remembered = newAddress();
        await guess(a.email, remembered, 5);
        clock.advance(HOUR - 1);
        expect((await signIn(a.email, 'still-wrong', remembered)).statusCode).toBe(401);
        expect(retryAfter(await signIn(a.email, 'still-wrong', remembered))).toBe(60);

        const forgotten = newAddress();
        await guess(a.email, forgotten, 5);
        clock.advance(HOUR);
        expect(await guess(a.email, forgotten, 6)).toEqual([401, 401, 401, 401, 401, 429]);
      });

      it('treats an unknown email like a wrong password, so the limit tells nobody who has an account', async () => {
        const address = newAddress();
        const codes = await guess('nobody-here@example.com', address, 6);
        expect(codes).toEqual([401, 401, 401, 401, 401, 429]);
      });

      it('counts an IPv6 client by its /64 network', async () => {
        const a = await createAccount(t);
        for (let i = 1; i <= 5; i++)
          expect((await signIn(a.email, 'wrong', `2001:db8:7:1::${i}`)).statusCode).toBe(401);
        expect((await signIn(a.email, a.password, '2001:db8:7:1::99')).statusCode).toBe(429);
        expect((await signIn(a.email, a.password, '2001:db8:7:2::1')).statusCode).toBe(200);
      });
    });

    describe('per address, across accounts', () => {
      it('makes an address that failed fifty times in an hour wait, whoever it signs in as, and nobody else', async () => {
        const a = await createAccount(t);
        const address = newAddress();
        const codes: number[] = [];
        for (let i = 0; i < 50; i++) {
          // One failure per email: no pair is slowed, only the address adds up.
          codes.push((await signIn(`sprayed-${i}@example.com`, 'Summer2026!', address)).statusCode);
          clock.advance(MINUTE);
        }
        expect(codes.every((c) => c === 401)).toBe(true);

        const slowed = await signIn(a.email, a.password, address);
        expect(slowed.statusCode).toBe(429);
        expect(slowed.json<{ error: { message: string } }>().error.message).toMatch(
          /^Too many failed attempts from your address\. Try again in \d+ minutes?\.$/,
        );
        // The first of the fifty leaves the hour ten minutes from now.
        expect(retryAfter(slowed)).toBe(10 * 60);
        expect((await signIn(a.email, a.password, newAddress())).statusCode).toBe(200);

        clock.advance(10 * MINUTE);
        expect((await signIn(a.email, a.password, address)).statusCode).toBe(200);
      });
    });

    describe('successes', () => {
      it('never count: a dozen people sign in again and again from one office address', async () => {
        const people = await Promise.all(Array.from({ length: 12 }, () => createAccount(t)));
        const office = newAddress();
        const codes: number[] = [];
        for (let round = 0; round < 5; round++)
          for (const person of people)
            codes.push((await signIn(person.email, person.password, office)).statusCode);
        expect(codes).toHaveLength(60);
        expect(codes.every((c) => c === 200)).toBe(true);
      });
    });

    describe('invitation and password-reset links', () => {
      /** The token of the last mail sent to `to`. */
      async function mailedToken(to: string, path: string): Promise<string> {
        const mail = await t.runtime.database.db
          .selectFrom('emails')
          .select('text')
          .where('to', '=', to)
          .orderBy('id', 'desc')
          .executeTakeFirstOrThrow();
        return tokenFrom(mail.text, path);
      }
      const madeUp = (i: number) => `not-a-real-token-${String(i).padStart(8, '0')}`;

      it('count only wrong links: a whole office joins from one address, a guesser is slowed', async () => {
        const owner = await createAccount(t);
        const office = newAddress();
        const tokens: string[] = [];
        for (let i = 0; i < 12; i++) {
          const email = `office-${dialect.name}-${i}@example.com`;
          const invited = await owner.browser.request({
            method: 'POST',
            url: `/api/v1/workspaces/${owner.workspaceId}/invitations`,
            payload: { email, role: 'viewer' },
          });
          expect(invited.statusCode).toBe(201);
          tokens.push(await mailedToken(email, '/invite/'));
        }
        const accept = (token: string, remoteAddress: string) =>
          t.app.inject({
            method: 'POST',
            url: `/api/v1/invitations/${token}/accept`,
            payload: { name: 'New Colleague', password: 'colleague-password' },
            remoteAddress,
          });
        for (const token of tokens.slice(0, 11)) {
          const preview = await t.app.inject({
            method: 'GET',
            url: `/api/v1/invitations/${token}`,
            remoteAddress: office,
          });
          expect(preview.statusCode).toBe(200);
          expect((await accept(token, office)).statusCode).toBe(200);
        }

        const guesser = newAddress();
        for (let i = 0; i < 10; i++)
          expect((await accept(madeUp(i), guesser)).json()).toMatchObject({
            error: { code: 'INVITATION_INVALID' },
          });
        const slowed = await accept(tokens[11]!, guesser);
        expect(slowed.statusCode).toBe(429);
        expect(retryAfter(slowed)).toBe(15 * 60);
        expect((await accept(tokens[11]!, office)).statusCode).toBe(200);
      });

      it('count wrong reset links per address; a good link from elsewhere still works', async () => {
        const a = await createAccount(t);
        const guesser = newAddress();
        const confirm = (token: string, remoteAddress: string) =>
          t.app.inject({
            method: 'POST',
            url: '/api/v1/auth/password-reset/confirm',
            payload: { token, password: 'a-new-long-password' },
            remoteAddress,
          });
        for (let i = 0; i < 10; i++)
          expect((await confirm(madeUp(i), guesser)).json()).toMatchObject({
            error: { code: 'RESET_TOKEN_INVALID' },
          });
        await t.app.inject({
          method: 'POST',
          url: '/api/v1/auth/password-reset',
          payload: { email: a.email },
          remoteAddress: newAddress(),
        });
        const token = await mailedToken(a.email, '/reset-password\\?token=');
        expect((await confirm(token, guesser)).statusCode).toBe(429);
        expect((await confirm(token, newAddress())).statusCode).toBe(200);
      });
    });
  });

  describe(`sign-in limits behind a proxy (TRUST_PROXY=1) on ${dialect.name}`, () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await startTestApp(dialect, { TRUST_PROXY: '1' });
    });
    afterAll(() => t.close());

    it('counts each client by its X-Forwarded-For address, not by the proxy', async () => {
      const a = await createAccount(t);
      const proxy = newAddress();
      const viaProxy = (password: string, client: string) =>
        t.app.inject({
          method: 'POST',
          url: '/api/v1/auth/login',
          payload: { email: a.email, password },
          remoteAddress: proxy,
          headers: { 'x-forwarded-for': client },
        });
      for (let i = 0; i < 5; i++)
        expect((await viaProxy('wrong-guess', '203.0.113.50')).statusCode).toBe(401);
      expect((await viaProxy(a.password, '203.0.113.50')).statusCode).toBe(429);
      expect((await viaProxy(a.password, '203.0.113.51')).statusCode).toBe(200);
    });
  });
}
