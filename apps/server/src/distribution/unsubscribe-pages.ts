import { languages, type Language } from '@polku/contracts';
import { DomainError } from '@polku/core';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { AppDeps } from '../app.js';
import { chooseLanguage } from '../respondent/language.js';

const text: Record<
  Language,
  { title: string; ask: string; button: string; done: string; unknown: string; failed: string }
> = {
  fi: {
    title: 'Kyselyistä poistuminen',
    ask: 'Haluatko, ettei {w} lähetä sinulle ({e}) enää palautekyselyjä?',
    button: 'En halua enää kyselyjä',
    done: 'Selvä. {w} ei lähetä sinulle ({e}) enää palautekyselyjä.',
    unknown: 'Linkki ei ole voimassa.',
    failed: 'Jokin meni vikaan. Yritä hetken kuluttua uudelleen.',
  },
  sv: {
    title: 'Avsluta enkäter',
    ask: 'Vill du att {w} inte längre skickar feedbackenkäter till dig ({e})?',
    button: 'Jag vill inte ha fler enkäter',
    done: 'Klart. {w} skickar inte längre feedbackenkäter till dig ({e}).',
    unknown: 'Länken är inte giltig.',
    failed: 'Något gick fel. Försök igen om en stund.',
  },
  en: {
    title: 'Unsubscribe from surveys',
    ask: 'Do you want {w} to stop sending feedback surveys to you ({e})?',
    button: 'Send me no more surveys',
    done: 'Done. {w} will send no more feedback surveys to you ({e}).',
    unknown: 'This link is not valid.',
    failed: 'Something went wrong. Please try again in a moment.',
  },
};

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function page(lang: Language, title: string, body: string): string {
  return `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${escapeHtml(title)}</title>
<style>body{font-family:system-ui,sans-serif;max-width:36rem;margin:3rem auto;padding:0 1rem;line-height:1.5;color:#1a1a1a}button{font:inherit;padding:.6rem 1rem;border-radius:.4rem;border:0;background:#1864ab;color:#fff;cursor:pointer}button:focus-visible{outline:3px solid #1864ab;outline-offset:2px}</style>
</head><body><main><h1>${escapeHtml(title)}</h1>${body}</main></body></html>`;
}

const params = z.object({ token: z.string().min(16).max(64) });

/**
 * The unsubscribe link of every survey email: a page that asks (so a mail scanner following
 * links unsubscribes nobody), and a form post that records it for the whole workspace.
 */
export function registerUnsubscribePages(
  app: FastifyInstance,
  deps: Pick<AppDeps, 'services' | 'store'>,
): void {
  void app.register((scope, _options, done) => {
    registerPages(scope, deps);
    // A person clicked a link in an email: a bad link is a page in their language, not JSON,
    // and nothing of the link is repeated back.
    scope.setErrorHandler((error: Error & { statusCode?: number }, request, reply) => {
      const status = error instanceof DomainError ? error.status : (error.statusCode ?? 500);
      if (status >= 500) request.log.error({ err: error }, 'unsubscribe page failed');
      const lang = chooseLanguage(languages, 'fi', {
        acceptLanguage: request.headers['accept-language'],
      });
      const t = text[lang];
      return reply
        .status(status >= 400 && status < 500 ? status : 500)
        .type('text/html; charset=utf-8')
        .send(page(lang, t.title, `<p>${escapeHtml(status < 500 ? t.unknown : t.failed)}</p>`));
    });
    done();
  });
}

function registerPages(app: FastifyInstance, deps: Pick<AppDeps, 'services' | 'store'>): void {
  app.get('/u/:token', { schema: { hide: true, params } }, async (request, reply) => {
    const { token } = request.params as z.infer<typeof params>;
    const invitation = await deps.store.distribution.findInvitationByToken(token);
    reply.type('text/html; charset=utf-8');
    if (!invitation)
      return reply
        .status(404)
        .send(page('fi', text.fi.title, `<p>${escapeHtml(text.fi.unknown)}</p>`));
    const t = text[invitation.language];
    const workspace = await deps.store.workspaces.findById(invitation.workspaceId);
    const ask = t.ask
      .replace('{w}', escapeHtml(workspace?.name ?? ''))
      .replace('{e}', escapeHtml(invitation.email));
    return page(
      invitation.language,
      t.title,
      `<p>${ask}</p><form method="post"><button type="submit">${escapeHtml(t.button)}</button></form>`,
    );
  });

  app.post('/u/:token', { schema: { hide: true, params } }, async (request, reply) => {
    const { token } = request.params as z.infer<typeof params>;
    const result = await deps.services.surveyInvitations.unsubscribe(token);
    reply.type('text/html; charset=utf-8');
    if (!result)
      return reply
        .status(404)
        .send(page('fi', text.fi.title, `<p>${escapeHtml(text.fi.unknown)}</p>`));
    const t = text[result.language];
    const done = t.done
      .replace('{w}', escapeHtml(result.workspaceName))
      .replace('{e}', escapeHtml(result.email));
    return page(result.language, t.title, `<p>${done}</p>`);
  });
}
