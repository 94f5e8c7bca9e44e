import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { RESPONDENT_POSTS_PER_MINUTE } from '../src/respondent/pages.js';
import { testDialects } from './support/databases.js';
import { t3, threePages, useRespondentKit } from './support/respondent.js';

for (const dialect of testDialects()) {
  describe(`respondent pages (${dialect.name})`, () => {
    const kit = useRespondentKit(dialect);
    const { publish, respondent, responsesOf, state } = kit;

    it('renders in Finnish by default, in Swedish by ?lang=sv and in English by Accept-Language', async () => {
      const { token } = await publish(threePages);
      const r = respondent();
      const fi = await r.get(`/s/${token}`);
      expect(fi.statusCode).toBe(200);
      expect(fi.headers['content-type']).toContain('text/html');
      expect(fi.body).toContain('<html lang="fi">');
      expect(fi.body).toContain('Suosittelisitko meitä?');
      expect(fi.body).toContain('Sivu 1/2');
      expect(fi.body).toContain('Seuraava');
      expect(fi.body).toContain('Ei lainkaan todennäköistä');
      expect(fi.body).toContain(
        '<a href="/s/' + token + '?lang=sv" hreflang="sv" lang="sv">Svenska</a>',
      );

      const sv = await r.get(`/s/${token}?lang=sv`);
      expect(sv.body).toContain('<html lang="sv">');
      expect(sv.body).toContain('Skulle du rekommendera oss?');
      expect(sv.body).toContain('Sida 1/2');
      expect(sv.body).toContain('Nästa');

      const en = await r.get(`/s/${token}`, { 'accept-language': 'de-DE,en-GB;q=0.8,fi;q=0.5' });
      expect(en.body).toContain('<html lang="en">');
      expect(en.body).toContain('Would you recommend us?');
      expect(en.body).toContain('Page 1 of 2');
      expect(en.body).toContain('Not at all likely');
      expect(en.body).toContain('Extremely likely');

      const unknown = await r.get(`/s/${token}?lang=de`, { 'accept-language': 'sv' });
      expect(unknown.body).toContain('<html lang="sv">');
    });

    it('is a plain form with no staff bundle, under the page CSP', async () => {
      const { token } = await publish(threePages);
      const res = await respondent().get(`/s/${token}`);
      expect(res.body).toContain(`<form method="post" action="/s/${token}" novalidate>`);
      expect(res.body).not.toMatch(/\/assets\/index-|type="module"/);
      expect(res.headers['content-security-policy']).toContain("script-src 'self'");
      expect(res.headers['cache-control']).toBe('no-store');
      const script = /<script src="([^"]+)" defer><\/script>/.exec(res.body)![1]!;
      const js = await respondent().get(script);
      expect(js.statusCode).toBe(200);
      expect(js.headers['content-type']).toContain('text/javascript');
      expect(js.headers['cache-control']).toContain('immutable');
    });

    it('escapes survey texts and what the respondent typed', async () => {
      const evil = '<script>alert("x")</script>';
      const { token } = await publish({
        ...threePages,
        title: t3(`Otsikko ${evil}`, 'Rubrik', 'Title'),
        questions: [
          {
            key: 'words',
            type: 'text',
            maxLength: 10,
            text: t3(`Kysymys ${evil}`, 'Fråga', 'Question'),
          },
        ],
      });
      const r = respondent();
      const first = await r.get(`/s/${token}`);
      expect(first.body).not.toContain(evil);
      expect(first.body).toContain('Otsikko &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
      const typed = '"><script>alert(1)</script>';
      const res = await r.post(`/s/${token}`, [
        ...state(first.body),
        ['_action', 'next'],
        ['q_words', typed],
      ]);
      expect(res.body).toContain('Kirjoita enintään 10 merkkiä.');
      expect(res.body).not.toContain('<script>alert(1)');
      expect(res.body).toContain('&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;</textarea>');
    });

    it('says kindly that a closed link, a closed survey, a draft or an unknown link takes no answers', async () => {
      const r = respondent();
      const closedLink = await publish(threePages);
      const link = (
        await kit.t.runtime.services.surveys.listLinks(kit.ctx, closedLink.surveyId)
      )[0]!;
      await kit.t.runtime.services.surveys.closeLink(kit.ctx, closedLink.surveyId, link.id);
      const closed = await r.get(`/s/${closedLink.token}`);
      expect(closed.statusCode).toBe(410);
      expect(closed.headers['content-type']).toContain('text/html');
      expect(closed.body).toContain('<h1>Kysely on päättynyt</h1>');
      // Posting to it stores nothing either.
      const post = await r.post(`/s/${closedLink.token}?lang=en`, [['q_nps', '9']]);
      expect(post.statusCode).toBe(410);
      expect(post.body).toContain('This survey has closed');
      expect(await responsesOf(closedLink.surveyId)).toHaveLength(0);

      const closedSurvey = await publish(threePages);
      await kit.t.runtime.services.surveys.close(kit.ctx, closedSurvey.surveyId);
      const sv = await r.get(`/s/${closedSurvey.token}`, { 'accept-language': 'sv-FI' });
      expect(sv.statusCode).toBe(410);
      expect(sv.body).toContain('<html lang="sv">');
      expect(sv.body).toContain('Enkäten har stängts');

      const draft = await publish(threePages, false);
      const d = await r.get(`/s/${draft.token}`);
      expect(d.statusCode).toBe(404);
      expect(d.body).toContain('<h1>Kysely ei ole saatavilla</h1>');

      const unknown = await r.get('/s/no-such-token', { 'accept-language': 'en' });
      expect(unknown.statusCode).toBe(404);
      expect(unknown.body).toContain('This survey is not available');
      expect(unknown.body).not.toContain('"error"');
    });

    it('answers a post that is not a form with a page, never JSON', async () => {
      const { token, surveyId } = await publish(threePages);
      const res = await kit.t.app.inject({
        method: 'POST',
        url: `/s/${token}`,
        payload: { q_nps: 9 },
        remoteAddress: '10.8.0.1',
      });
      expect(res.statusCode).toBe(415);
      expect(res.headers['content-type']).toContain('text/html');
      expect(res.body).toContain('<h1>Jokin meni vikaan</h1>');
      expect(await responsesOf(surveyId)).toHaveLength(0);
    });

    it('thanks a bot that fills the honeypot and stores nothing', async () => {
      const { token, surveyId } = await publish(threePages);
      const r = respondent();
      const first = await r.get(`/s/${token}`);
      expect(first.body).toMatch(
        /<label for="website">Jätä tämä kenttä tyhjäksi<\/label><input type="text" id="website" name="website" value="" tabindex="-1" autocomplete="off">/,
      );
      const res = await r.post(`/s/${token}`, [
        ...state(first.body),
        ['_action', 'next'],
        ['q_nps', '10'],
        ['website', 'http://spam.example'],
      ]);
      expect(res.statusCode).toBe(200);
      expect(res.body).toContain('Kiitos!');
      expect(await responsesOf(surveyId)).toHaveLength(0);
    });

    it('answers a flood of posts from one address with a human page, not JSON', async () => {
      const { token } = await publish(threePages);
      const r = respondent();
      const fields: [string, string][] = [['website', 'bot']];
      for (let i = 0; i < RESPONDENT_POSTS_PER_MINUTE; i++) {
        expect((await r.post(`/s/${token}`, fields)).statusCode).toBe(200);
      }
      const limited = await r.post(`/s/${token}`, fields);
      expect(limited.statusCode).toBe(429);
      expect(limited.headers['content-type']).toContain('text/html');
      expect(limited.body).toContain('Odota minuutti');
      // Another person on another address is not affected.
      expect((await respondent().post(`/s/${token}`, fields)).statusCode).toBe(200);
    });

    it('keeps the first page within 20 KB gzipped, style and script included', async () => {
      const { token } = await publish(threePages);
      const page = await respondent().get(`/s/${token}`);
      const script = /<script src="([^"]+)"/.exec(page.body)![1]!;
      const js = await respondent().get(script);
      const gzipped = gzipSync(page.body).length + gzipSync(js.body).length;
      expect(page.body).toContain('<style>'); // the CSS is inline, so measured with the page
      console.info(`respondent first page: ${gzipped} bytes gzipped (HTML with CSS + script)`);
      expect(gzipped).toBeLessThanOrEqual(20 * 1024);
    });
  });
}
