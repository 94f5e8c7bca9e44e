import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { fileRoutes, routes } from '@polku/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from './support/app.js';
import { testDialects } from './support/databases.js';

const [sqlite] = testDialects();

// A built asset and the two compressed copies the build writes beside it.
const asset = `export const words = ${JSON.stringify(Array.from({ length: 400 }, (_, i) => `sana${i}`))};\n`;
const assetBr = brotliCompressSync(asset);
const assetGz = gzipSync(asset, { level: 9 });

describe('HTTP surface', () => {
  let t: TestApp;
  beforeAll(async () => {
    const dist = mkdtempSync(join(tmpdir(), 'polku-web-'));
    writeFileSync(
      join(dist, 'index.html'),
      '<!doctype html><title>Polku</title><div id="root"></div>',
    );
    mkdirSync(join(dist, 'assets'));
    writeFileSync(join(dist, 'assets/app-1a2b3c.js'), asset);
    writeFileSync(join(dist, 'assets/app-1a2b3c.js.br'), assetBr);
    writeFileSync(join(dist, 'assets/app-1a2b3c.js.gz'), assetGz);
    t = await startTestApp(sqlite!, { WEB_DIST_DIR: dist });
  });
  afterAll(() => t.close());

  it('says it is alive and ready', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/healthz' })).json()).toEqual({
      status: 'ok',
    });
    expect((await t.app.inject({ method: 'GET', url: '/readyz' })).json()).toEqual({
      status: 'ready',
    });
  });

  it("answers /favicon.ico with an icon, not the app's HTML", async () => {
    const res = await t.app.inject({ method: 'GET', url: '/favicon.ico' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('image/x-icon');
    const icon = res.rawPayload;
    // ICONDIR: reserved 0, type 1 (icon), one image of 32 × 32 pixels at 32 bits.
    expect([icon.readUInt16LE(0), icon.readUInt16LE(2), icon.readUInt16LE(4)]).toEqual([0, 1, 1]);
    expect([icon[6], icon[7], icon.readUInt16LE(12)]).toEqual([32, 32, 32]);
    expect(icon.readUInt32LE(14) + icon.readUInt32LE(18)).toBe(icon.length);
    expect(icon.toString('latin1')).not.toContain('<!doctype');
  });

  it('says it is not ready when the database is gone', async () => {
    const other = await startTestApp(sqlite!);
    await other.runtime.database.close();
    const res = await other.app.inject({ method: 'GET', url: '/readyz' });
    expect(res.statusCode).toBe(503);
    await other.app.close();
  });

  it('describes every route of the route table in OpenAPI, with its schemas', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json<{
      paths: Record<
        string,
        Record<
          string,
          { operationId: string; requestBody?: unknown; responses: Record<string, unknown> }
        >
      >;
    }>();
    for (const [name, route] of Object.entries(routes)) {
      const path = route.path.replace(/:([A-Za-z]+)/g, '{$1}');
      const op = doc.paths[path]?.[route.method.toLowerCase()];
      expect(op, `${name} in OpenAPI`).toBeDefined();
      expect(op!.operationId).toBe(name);
      expect(op!.responses[String(route.status)], `${name} success response`).toBeDefined();
      expect(op!.responses['4XX'] ?? op!.responses['4xx'], `${name} error response`).toBeDefined();
      if ('body' in route) expect(op!.requestBody, `${name} request body`).toBeDefined();
    }
    for (const [name, route] of Object.entries(fileRoutes)) {
      const op = doc.paths[route.path.replace(/:([A-Za-z]+)/g, '{$1}')]?.get;
      expect(op?.operationId, `${name} in OpenAPI`).toBe(name);
    }
    expect(doc.paths['/healthz']).toBeDefined();
    expect(doc.paths['/readyz']).toBeDefined();
  });

  it('serves a browsable API page', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/docs/' });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('swagger');
  });

  it('answers bad input with the field and the reason', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: 'not-an-email' },
    });
    expect(res.statusCode).toBe(400);
    const body = res.json<{
      error: { code: string; details: { path: string; message: string }[] };
    }>();
    expect(body.error.code).toBe('VALIDATION_FAILED');
    expect(body.error.details.map((d) => d.path).sort()).toEqual(['body.email', 'body.password']);
  });

  it('answers broken JSON, a wrong content type and unknown API paths from the catalog', async () => {
    const broken = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: '{"email":',
    });
    expect(broken.json()).toMatchObject({ error: { code: 'BAD_REQUEST' } });
    const form = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'email=a',
    });
    expect(form.json()).toMatchObject({ error: { code: 'UNSUPPORTED_MEDIA_TYPE' } });
    const unknown = await t.app.inject({ method: 'GET', url: '/api/v1/nothing-here' });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json()).toEqual({ error: { code: 'NOT_FOUND', message: 'Not found.' } });
  });

  it('keeps a sane request id from the caller and makes one otherwise', async () => {
    const given = await t.app.inject({
      method: 'GET',
      url: '/healthz',
      headers: { 'x-request-id': 'lb-123' },
    });
    expect(given.headers['x-request-id']).toBe('lb-123');
    const made = await t.app.inject({
      method: 'GET',
      url: '/healthz',
      headers: { 'x-request-id': 'bad id <script>' },
    });
    expect(made.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('serves the web app for app paths with security headers, and index.html for deep links', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/w/123/settings/members' });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('<div id="root">');
    expect(res.headers['content-security-policy']).toContain("script-src 'self'");
    expect(res.headers['x-frame-options']).toBe('DENY');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
  });

  it('compresses large responses for clients that accept it', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: '/api/openapi.json',
      headers: { 'accept-encoding': 'gzip' },
    });
    expect(res.headers['content-encoding']).toBe('gzip');
  });

  it('sends the precompressed copy a browser accepts, brotli first, with Content-Encoding and Vary', async () => {
    const get = (acceptEncoding?: string) =>
      t.app.inject({
        method: 'GET',
        url: '/assets/app-1a2b3c.js',
        headers: acceptEncoding ? { 'accept-encoding': acceptEncoding } : {},
      });
    const br = await get('gzip, deflate, br');
    expect(br.statusCode).toBe(200);
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers.vary).toMatch(/accept-encoding/i);
    expect(br.headers['content-type']).toMatch(/javascript/);
    expect(br.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    // The file on disk as it is, not compressed again on the fly.
    expect(Number(br.headers['content-length'])).toBe(assetBr.length);
    expect(brotliDecompressSync(br.rawPayload).toString()).toBe(asset);

    const gz = await get('gzip');
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gz.headers.vary).toMatch(/accept-encoding/i);
    expect(Number(gz.headers['content-length'])).toBe(assetGz.length);
    expect(gunzipSync(gz.rawPayload).toString()).toBe(asset);

    // No encoding accepted: the plain file, still marked as varying by Accept-Encoding.
    const plain = await get();
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.headers.vary).toMatch(/accept-encoding/i);
    expect(plain.body).toBe(asset);
  });
});
