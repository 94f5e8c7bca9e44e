import type {
  AnswerValue,
  FieldIssue,
  Language,
  Question,
  SurveyDefinition,
} from '@polku/contracts';
import { languages } from '@polku/contracts';
import {
  DomainError,
  answersFromRows,
  isAsked,
  keepAskedAnswers,
  newId,
  splitPages,
  thankYouFor,
  validateAnswers,
  visiblePageIndexes,
  type SurveyLinkRecord,
  type SurveyRecord,
  type WorkspaceRecord,
} from '@polku/core';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { AppDeps } from '../app.js';
import { notUtf8, parseFormBody } from '../http/text-checks.js';
import { RESPONDENT_JS, RESPONDENT_JS_VERSION } from './assets.js';
import {
  formOf,
  issueMessage,
  readAnswers,
  readVersion,
  type FieldError,
  type FormValues,
} from './form.js';
import { chooseLanguage } from './language.js';
import { respondentMessages } from './messages.js';
import { localize } from './questions.js';
import { WindowLimiter } from './rate-limit.js';
import { answerWithPage, sendHtml, sendMessage } from './replies.js';
import {
  renderSurveyPage,
  renderThankYouPage,
  type Organisation,
  type PageState,
} from './render.js';

/** Page posts per minute from one address to one link: a person needs a handful. */
export const RESPONDENT_POSTS_PER_MINUTE = 60;
/** Page views per minute from one address to one link. */
export const RESPONDENT_VIEWS_PER_MINUTE = 120;

const HONEYPOT = 'website';
const ID = /^[0-9A-Za-z_-]{1,64}$/;
const FORM_BODY_LIMIT = 512 * 1024;

type Resolved =
  | {
      kind: 'open';
      link: SurveyLinkRecord;
      survey: SurveyRecord;
      workspace: WorkspaceRecord;
      version: number;
      definition: SurveyDefinition;
    }
  | { kind: 'closed' | 'unavailable'; languages: readonly Language[]; fallback: Language };

interface TokenRoute {
  Params: { token: string };
  Querystring: { lang?: string; i?: string };
}

/** The page's own query parameters, once each (others, such as a campaign's, are let be). */
const pageRoute = {
  schema: { querystring: z.object({ lang: z.string().optional(), i: z.string().optional() }) },
};

/** What a respondent page shows of the workspace: the organisation and its privacy notice. */
function organisationOf(workspace: WorkspaceRecord): Organisation {
  return { name: workspace.organisationName, privacyNoticeUrl: workspace.privacyNoticeUrl };
}

/**
 * The respondent pages at /s/:token: server-rendered HTML forms that work without JavaScript,
 * one page per section, saving progress as a partial response after each page.
 */
export function registerRespondentPages(app: FastifyInstance, deps: AppDeps): void {
  const { store, services } = deps;
  const limit = deps.config.http.rateLimit;
  const posts = new WindowLimiter(RESPONDENT_POSTS_PER_MINUTE, 60_000);
  const views = new WindowLimiter(RESPONDENT_VIEWS_PER_MINUTE, 60_000);

  async function resolve(token: string): Promise<Resolved> {
    const unavailable = (langs: readonly Language[] = languages, fallback: Language = 'fi') =>
      ({ kind: 'unavailable', languages: langs, fallback }) as const;
    const link = ID.test(token) ? await store.surveys.findLinkByToken(token) : undefined;
    if (!link) return unavailable();
    const [survey, workspace] = await Promise.all([
      store.surveys.findById(link.workspaceId, link.surveyId),
      store.workspaces.findById(link.workspaceId),
    ]);
    if (!survey || !workspace) return unavailable();
    const published =
      survey.publishedVersion === null
        ? undefined
        : await store.surveys.findVersion(workspace.id, survey.id, survey.publishedVersion);
    const langs = published?.definition.languages ?? workspace.languages;
    const fallback = published?.definition.defaultLanguage ?? workspace.defaultLanguage;
    if (survey.status === 'draft' || !published) return unavailable(langs, fallback);
    if (survey.status === 'closed' || link.closedAt !== null)
      return { kind: 'closed', languages: langs, fallback };
    return {
      kind: 'open',
      link,
      survey,
      workspace,
      version: published.version,
      definition: published.definition,
    };
  }

  /** The invitation a personal token names, if it belongs to this link; null when it does not. */
  async function invitationFor(token: string, linkId: string) {
    const invitation = await store.distribution.findInvitationByToken(token);
    return invitation && invitation.linkId === linkId ? invitation : null;
  }

  void app.register((scope, _options, done) => {
    // Browsers post forms urlencoded; only these pages accept that (the API speaks JSON).
    scope.addContentTypeParser(
      'application/x-www-form-urlencoded',
      { parseAs: 'buffer', bodyLimit: FORM_BODY_LIMIT },
      (_request, body, done) => {
        const form = parseFormBody(body as Buffer);
        done(form ? null : notUtf8(), form);
      },
    );
    scope.setErrorHandler(answerWithPage);

    scope.get('/s/assets/respondent.js', (request, reply) => {
      const { v } = request.query as { v?: string };
      return reply
        .header(
          'cache-control',
          v === RESPONDENT_JS_VERSION ? 'public, max-age=31536000, immutable' : 'no-cache',
        )
        .type('text/javascript; charset=utf-8')
        .send(RESPONDENT_JS);
    });

    scope.get<TokenRoute>('/s/:token', pageRoute, async (request, reply) => {
      const { token } = request.params;
      if (limit && !views.hit(`${request.ip}|${token}`, deps.clock.now()))
        return sendMessage(request, reply, 'tooMany');
      const r = await resolve(token);
      if (r.kind !== 'open') return sendMessage(request, reply, r.kind, r);
      const { definition } = r;
      const lang = chooseLanguage(definition.languages, definition.defaultLanguage, {
        explicit: request.query.lang,
        acceptLanguage: request.headers['accept-language'],
      });
      // A personal invitation's link works once: after its response it says so.
      const invitation = request.query.i
        ? await invitationFor(request.query.i, r.link.id)
        : undefined;
      if (invitation === null)
        return sendMessage(request, reply, 'unavailable', {
          languages: definition.languages,
          lang,
        });
      if (invitation?.status === 'responded')
        return sendMessage(request, reply, 'answered', { languages: definition.languages, lang });
      const pages = splitPages(definition);
      const state: PageState = {
        responseId: newId(),
        page: 0,
        version: r.version,
        lang,
        invitation: invitation?.token,
      };
      return sendHtml(
        reply,
        200,
        renderSurveyPage({
          token: r.link.token,
          definition,
          state,
          questions: pages[0]!.filter((q) => isAsked(q, {})),
          position: 1,
          total: visiblePageIndexes(pages, {}).length,
          values: new URLSearchParams(),
          errors: new Map(),
          switchByLink: true,
          organisation: organisationOf(r.workspace),
        }),
      );
    });

    scope.post<TokenRoute>('/s/:token', pageRoute, async (request, reply) => {
      const { token } = request.params;
      if (limit && !posts.hit(`${request.ip}|${token}`, deps.clock.now()))
        return sendMessage(request, reply, 'tooMany');
      const r = await resolve(token);
      if (r.kind !== 'open') return sendMessage(request, reply, r.kind, r);
      if (!(request.body instanceof URLSearchParams)) {
        return sendMessage(request, reply, 'failed', {
          languages: r.definition.languages,
          fallback: r.definition.defaultLanguage,
          status: 415,
        });
      }
      const form = request.body;
      const explicitLang = form.get('_switch') || form.get('_lang') || request.query.lang;

      // A filled honeypot is a bot: it is thanked like a person, and nothing is stored.
      if (form.get(HONEYPOT)?.trim()) {
        const lang = chooseLanguage(r.definition.languages, r.definition.defaultLanguage, {
          explicit: explicitLang,
          acceptLanguage: request.headers['accept-language'],
        });
        const message = localize(r.definition.thankYou.message, lang, r.definition.defaultLanguage);
        return sendHtml(
          reply,
          200,
          renderThankYouPage({
            lang,
            definition: r.definition,
            message,
            organisation: organisationOf(r.workspace),
          }),
        );
      }

      // The response id from the first page: the key that makes every retry safe.
      let responseId = form.get('_rid') ?? '';
      let stored = ID.test(responseId)
        ? await store.responses.findById(r.workspace.id, responseId)
        : undefined;
      if (
        !ID.test(responseId) ||
        (stored && (stored.surveyId !== r.survey.id || stored.linkId !== r.link.id))
      ) {
        responseId = newId();
        stored = undefined;
      }

      // A response keeps answering the version it started on, even if a newer one is published.
      const askedVersion = stored?.surveyVersion ?? readVersion(form.get('_v'));
      let version = r.version;
      let definition = r.definition;
      if (askedVersion !== undefined && askedVersion !== r.version) {
        const older = await store.surveys.findVersion(r.workspace.id, r.survey.id, askedVersion);
        if (older) {
          version = older.version;
          definition = older.definition;
        }
      }
      const lang = chooseLanguage(definition.languages, definition.defaultLanguage, {
        explicit: explicitLang,
        acceptLanguage: request.headers['accept-language'],
      });
      const m = respondentMessages[lang];
      const storedAnswers = stored
        ? keepAskedAnswers(
            definition,
            answersFromRows(
              definition,
              (await store.responses.answersOf(r.workspace.id, [responseId])).get(responseId) ?? [],
            ),
          )
        : {};
      const thank = (answers: Record<string, AnswerValue>) =>
        sendHtml(
          reply,
          200,
          renderThankYouPage({
            lang,
            definition,
            message: localize(thankYouFor(definition, answers), lang, definition.defaultLanguage),
            organisation: organisationOf(r.workspace),
          }),
        );
      // A retried final post, or Back after finishing: the response is complete already.
      if (stored?.status === 'complete') return thank(storedAnswers);
      const invitationToken = form.get('_inv') ?? undefined;
      const invitation = invitationToken
        ? await invitationFor(invitationToken, r.link.id)
        : undefined;
      if (invitation === null)
        return sendMessage(request, reply, 'unavailable', {
          languages: definition.languages,
          lang,
        });
      if (invitation?.status === 'responded')
        return sendMessage(request, reply, 'answered', { languages: definition.languages, lang });

      const pages = splitPages(definition);
      const pageIndex = Math.min(Math.max(Number(form.get('_page')) || 0, 0), pages.length - 1);
      const show = (
        index: number,
        answers: Record<string, AnswerValue>,
        values: FormValues,
        errors: Map<string, FieldError> = new Map(),
      ) => {
        const visible = visiblePageIndexes(pages, answers);
        return sendHtml(
          reply,
          200,
          renderSurveyPage({
            token: r.link.token,
            definition,
            state: { responseId, page: index, version, lang, invitation: invitation?.token },
            questions: pages[index]!.filter((q) => isAsked(q, answers)),
            position: Math.max(visible.indexOf(index), 0) + 1,
            total: visible.length,
            values,
            errors,
            switchByLink: false,
            organisation: organisationOf(r.workspace),
          }),
        );
      };
      /** Shows the first page holding one of the issues intake found, with its errors. */
      const showIssues = (issues: FieldIssue[], answers: Record<string, AnswerValue>) => {
        const byKey = new Map(issues.map((i) => [i.path.replace(/^(body\.)?answers\./, ''), i]));
        const index = Math.max(
          pages.findIndex((p) => p.some((q) => byKey.has(q.key))),
          0,
        );
        const errors = new Map<string, FieldError>();
        for (const q of pages[index]!) {
          const issue = byKey.get(q.key);
          if (issue) errors.set(q.key, { message: issueMessage(q, issue.message, m) });
        }
        return show(index, answers, formOf(pages[index]!, answers), errors);
      };

      const switchTo = form.get('_switch');
      const action = form.get('_action');
      if (switchTo || action === 'back') {
        const visible = visiblePageIndexes(pages, storedAnswers);
        const target = switchTo
          ? (visible.find((i) => i >= pageIndex) ?? visible.at(-1)!)
          : (visible.filter((i) => i < pageIndex).at(-1) ?? visible[0]!);
        return show(target, storedAnswers, formOf(pages[target]!, storedAnswers));
      }

      // Next or Submit: read and check this page, then save progress or finish.
      const page = pages[pageIndex]!;
      const onPage = new Set(page.map((q) => q.key));
      const before = Object.fromEntries(
        Object.entries(storedAnswers).filter(([key]) => !onPage.has(key)),
      );
      const asked: Question[] = page.filter((q) => isAsked(q, before));
      const { answers: pageAnswers, errors } = readAnswers(asked, form, m);
      const answers = keepAskedAnswers(definition, { ...before, ...pageAnswers });
      for (const q of asked) {
        if (q.required && answers[q.key] === undefined && !errors.has(q.key))
          errors.set(q.key, { message: m.errors.required });
      }
      for (const issue of validateAnswers(definition, answers, { partial: true }).issues) {
        const key = issue.path.replace(/^answers\./, '');
        const q = asked.find((a) => a.key === key);
        if (q && !errors.has(key)) errors.set(key, { message: issueMessage(q, issue.message, m) });
      }
      if (errors.size) return show(pageIndex, before, form, errors);

      const next = visiblePageIndexes(pages, answers).find((i) => i > pageIndex);
      const partial = next !== undefined;
      if (!partial) {
        const { issues } = validateAnswers(definition, answers, { partial: false });
        if (issues.length) return showIssues(issues, answers);
      }
      try {
        await services.responses.submit(
          { workspace: r.workspace },
          {
            id: responseId,
            surveyId: r.survey.id,
            version,
            linkId: r.link.id,
            language: lang,
            partial,
            answers,
            source: invitation ? 'email' : 'page',
          },
          { mayUpdatePartial: true },
        );
      } catch (error) {
        if (error instanceof DomainError && error.code === 'SURVEY_NOT_OPEN')
          return sendMessage(request, reply, 'closed', { languages: definition.languages, lang });
        if (error instanceof DomainError && error.code === 'VALIDATION_FAILED')
          return showIssues((error.details as FieldIssue[] | undefined) ?? [], answers);
        throw error;
      }
      if (partial) return show(next, answers, formOf(pages[next]!, answers));
      if (invitation) await services.surveyInvitations.markResponded(invitation, responseId);
      return thank(answers);
    });
    done();
  });
}
