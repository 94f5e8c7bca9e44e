import type { Language, Question, SurveyDefinition } from '@polku/contracts';
import { RESPONDENT_CSS, RESPONDENT_JS_VERSION } from './assets.js';
import type { FieldError, FormValues } from './form.js';
import { markup, trusted, type SafeHtml } from './html.js';
import { respondentMessages, type RespondentMessages } from './messages.js';
import { firstControlId, localize, renderQuestion } from './questions.js';

const STYLE = trusted(`<style>${RESPONDENT_CSS}</style>`);
const SCRIPT = trusted(
  `<script src="/s/assets/respondent.js?v=${RESPONDENT_JS_VERSION}" defer></script>`,
);

/**
 * The organisation behind a survey as its respondents see it: only the name and the privacy
 * notice an admin set in the workspace settings, nothing else of the workspace.
 */
export interface Organisation {
  name: string | null;
  privacyNoticeUrl: string | null;
}

function footer(lang: Language, organisation: Organisation | undefined): SafeHtml | false {
  if (!organisation || (!organisation.name && !organisation.privacyNoticeUrl)) return false;
  const m = respondentMessages[lang];
  const by = organisation.name && markup`<p>${m.surveyBy(organisation.name)}</p>`;
  const notice =
    organisation.privacyNoticeUrl &&
    markup`<p><a href="${organisation.privacyNoticeUrl}" rel="noopener">${m.privacyNotice}</a></p>`;
  return markup`<footer class="org">${by}${notice}</footer>`;
}

/** The whole document around a page's body. */
function layout(o: {
  lang: Language;
  title: string;
  body: SafeHtml;
  script: boolean;
  organisation?: Organisation | undefined;
}): string {
  const script = o.script && SCRIPT;
  return markup`<!doctype html><html lang="${o.lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><meta name="robots" content="noindex"><title>${o.title}</title>${STYLE}${script}</head><body><main>${o.body}</main>${footer(o.lang, o.organisation)}</body></html>`
    .value;
}

/** Paragraphs of a plain text (blank lines part them; single line breaks are kept). */
function paragraphs(text: string): SafeHtml[] {
  return text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => {
      const lines = p.split('\n').map((line, i) => (i === 0 ? line : markup`<br>${line}`));
      return markup`<p>${lines}</p>`;
    });
}

/** A page that only says something: closed, not available, slow down, something failed. */
export function renderMessagePage(lang: Language, heading: string, text: string): string {
  return layout({
    lang,
    title: heading,
    body: markup`<h1>${heading}</h1>${paragraphs(text)}`,
    script: false,
  });
}

/** The thank-you page: a heading and the survey's message for these answers. */
export function renderThankYouPage(o: {
  lang: Language;
  definition: SurveyDefinition;
  message: string;
  organisation?: Organisation | undefined;
}): string {
  const m = respondentMessages[o.lang];
  const surveyTitle = localize(o.definition.title, o.lang, o.definition.defaultLanguage);
  return layout({
    lang: o.lang,
    title: `${m.thankYouHeading} – ${surveyTitle}`,
    body: markup`<h1>${m.thankYouHeading}</h1>${paragraphs(o.message)}`,
    script: false,
    organisation: o.organisation,
  });
}

/** The state a page carries in hidden fields, in both the page form and the navigation form. */
export interface PageState {
  responseId: string;
  /** Index of the page in `splitPages`. */
  page: number;
  version: number;
  lang: Language;
  /** The personal token of an email invitation, when the respondent came from one. */
  invitation?: string | undefined;
}

export interface SurveyPageOptions {
  token: string;
  definition: SurveyDefinition;
  state: PageState;
  questions: Question[];
  /** 1-based position among the pages shown, and how many there are. */
  position: number;
  total: number;
  values: FormValues;
  errors: Map<string, FieldError>;
  /** On a fresh first page the language switcher is plain links; later it keeps progress. */
  switchByLink: boolean;
  organisation?: Organisation | undefined;
}

function hiddenFields(s: PageState): SafeHtml {
  return markup`<input type="hidden" name="_rid" value="${s.responseId}"><input type="hidden" name="_page" value="${s.page}"><input type="hidden" name="_v" value="${s.version}"><input type="hidden" name="_lang" value="${s.lang}">${s.invitation ? markup`<input type="hidden" name="_inv" value="${s.invitation}">` : ''}`;
}

function languageSwitcher(o: SurveyPageOptions, m: RespondentMessages): SafeHtml | false {
  const offered = o.definition.languages;
  if (offered.length < 2) return false;
  const items = offered.map((l) => {
    const name = respondentMessages[l].languageName;
    if (l === o.state.lang)
      return markup`<li><span aria-current="true" lang="${l}">${name}</span></li>`;
    return o.switchByLink
      ? markup`<li><a href="/s/${o.token}?lang=${l}" hreflang="${l}" lang="${l}">${name}</a></li>`
      : markup`<li><button type="submit" form="nav" name="_switch" value="${l}" lang="${l}">${name}</button></li>`;
  });
  return markup`<nav aria-label="${m.languageNav}"><ul class="langs">${items}</ul></nav>`;
}

function errorSummary(o: SurveyPageOptions, m: RespondentMessages): SafeHtml | false {
  if (o.errors.size === 0) return false;
  const lang = o.state.lang;
  const fallback = o.definition.defaultLanguage;
  const items = o.questions.flatMap((q) => {
    const e = o.errors.get(q.key);
    if (!e) return [];
    const text = localize(q.text, lang, fallback);
    return [markup`<li><a href="#${firstControlId(q, e.part)}">${text} – ${e.message}</a></li>`];
  });
  return markup`<div class="summary" id="errors" tabindex="-1" role="alert" aria-labelledby="errors-h" autofocus><h2 id="errors-h">${m.errorSummary}</h2><ul>${items}</ul></div>`;
}

/** One page of a survey: its questions in a plain form that works without JavaScript. */
export function renderSurveyPage(o: SurveyPageOptions): string {
  const { lang } = o.state;
  const m = respondentMessages[lang];
  const fallback = o.definition.defaultLanguage;
  const surveyTitle = localize(o.definition.title, lang, fallback);
  const intro = o.position === 1 && localize(o.definition.intro, lang, fallback);
  const isLast = o.position === o.total;
  const action = `/s/${o.token}`;
  const percent = Math.round((o.position / o.total) * 100);
  const progress =
    o.total > 1 &&
    markup`<p class="progress">${m.pageOf(o.position, o.total)}<span class="bar" aria-hidden="true"><span style="width:${percent}%"></span></span></p>`;
  const questions = o.questions.map((q) =>
    renderQuestion(q, { lang, fallback, m, values: o.values, error: o.errors.get(q.key) }),
  );
  const back =
    o.position > 1 &&
    markup`<button type="submit" form="nav" name="_action" value="back" class="secondary">${m.back}</button>`;
  // The honeypot: hidden from sight and from Tab, labelled for screen readers; bots fill it.
  const honeypot = markup`<div class="hp"><label for="website">${m.honeypot}</label><input type="text" id="website" name="website" value="" tabindex="-1" autocomplete="off"></div>`;
  // Back belongs to the navigation form, so Enter in a field (the form's default button) means Next.
  const body = markup`${languageSwitcher(o, m)}<h1>${surveyTitle}</h1>${intro && paragraphs(intro)}${progress}${errorSummary(o, m)}<form method="post" action="${action}" novalidate>${hiddenFields(o.state)}${honeypot}${questions}<div class="actions">${back}<button type="submit" name="_action" value="next" class="primary">${isLast ? m.submit : m.next}</button></div></form><form id="nav" method="post" action="${action}" novalidate>${hiddenFields(o.state)}</form>`;
  const errorPrefix = o.errors.size ? `${m.errorPrefix}: ` : '';
  const pageOf = o.total > 1 ? ` – ${m.pageOf(o.position, o.total)}` : '';
  return layout({
    lang,
    title: `${errorPrefix}${surveyTitle}${pageOf}`,
    body,
    script: true,
    organisation: o.organisation,
  });
}
