/**
 * Polku's feedback widget: one script tag on a customer's site.
 *
 *   <script src="https://polku.example/widget.js" data-polku-link="TOKEN"
 *     data-trigger="button|delay|url" data-delay="5000" data-url-match="/kiitos"
 *     data-language="fi" data-respondent="asiakas@example.fi" async></script>
 *
 * It reads the survey of the link from the origin it was loaded from and renders in a Shadow
 * DOM, so the host page's CSS cannot break it. `button` (the default) shows a floating button;
 * `delay` opens the survey after data-delay ms; `url` opens it when location.pathname matches
 * data-url-match (`*` matches anything; a trailing slash is optional). An automatic opening
 * happens once per browser session. With data-respondent (the visitor's email, when the site
 * knows it) an automatic opening first asks Polku whether this person may be surveyed now, so
 * the workspace's contact-frequency limit and unsubscribes hold on the widget too.
 */
import { createSurveyDialog, type SurveyDialog } from './dialog.js';
import { css, h } from './dom.js';
import { chooseLanguage, strings } from './i18n.js';
import type { WidgetSettings, WidgetSurvey } from './types.js';

// Only while the script first runs does currentScript name our own tag (async included).
const me = document.currentScript as HTMLScriptElement | null;
const settings = (me?.dataset ?? {}) as WidgetSettings;
if (me && settings.polkuLink) {
  const base = `${new URL(me.src).origin}/w/${encodeURIComponent(settings.polkuLink)}`;
  fetch(`${base}/survey.json`, { credentials: 'omit' })
    .then((res) => (res.ok ? (res.json() as Promise<WidgetSurvey>) : undefined))
    .then((survey) => {
      if (!survey) return;
      if (document.body) start(survey, base);
      else document.addEventListener('DOMContentLoaded', () => start(survey, base));
    })
    .catch(() => undefined); // an unknown or closed link, or no network: show nothing
}

/** `/tilaus/*\/kiitos` → a regular expression for the whole path. */
function pathRule(rule: string): RegExp {
  const body = rule
    .replace(/\/+$/, '')
    .split('*')
    .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
    .join('.*');
  return new RegExp(`^${body}/?$`);
}

/** Whether an automatic opening already happened in this session (and marks it so). */
function openedBefore(token: string): boolean {
  const key = `polku-widget:${token}`;
  try {
    if (sessionStorage.getItem(key)) return true;
    sessionStorage.setItem(key, '1');
  } catch {
    // Storage can be off (privacy settings, sandboxed frames): then open every time.
  }
  return false;
}

function start(survey: WidgetSurvey, base: string): void {
  const lang = chooseLanguage(survey.languages, survey.defaultLanguage, [
    settings.language,
    ...(navigator.languages ?? []),
    navigator.language,
  ]);
  const s = strings[lang];
  const host = document.createElement('polku-widget');
  const root = host.attachShadow({ mode: 'open' });
  root.append(h('style', {}, css));
  document.body.append(host);

  let current: SurveyDialog | undefined;
  const open = (returnTo: HTMLElement | null) => {
    if (!current || current.done) {
      current?.dialog.remove();
      current = createSurveyDialog(survey, lang, s, `${base}/responses`);
      root.append(current.dialog);
    }
    current.open(returnTo);
  };
  const openAutomatically = () => {
    if (openedBefore(survey.token)) return;
    const returnTo = document.activeElement as HTMLElement | null;
    if (!settings.respondent) return open(returnTo);
    fetch(`${base}/prompt`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ respondent: settings.respondent }),
      credentials: 'omit',
    })
      .then((res) => (res.ok ? (res.json() as Promise<{ ask: boolean }>) : { ask: false }))
      .then((answer) => answer.ask && open(returnTo))
      .catch(() => undefined); // no answer: better not to ask than to ask too often
  };

  switch (settings.trigger) {
    case 'delay':
      setTimeout(openAutomatically, Number(settings.delay) || 5000);
      break;
    case 'url': {
      if (!settings.urlMatch) break;
      const rule = pathRule(settings.urlMatch);
      // Single-page apps change the path without loading the page: look again every second.
      const check = () => {
        if (!rule.test(location.pathname)) return;
        clearInterval(timer);
        openAutomatically();
      };
      const timer = setInterval(check, 1000);
      check();
      break;
    }
    default: {
      const button = h(
        'button',
        { type: 'button', class: 'fab', lang, 'aria-haspopup': 'dialog' },
        s.button,
      );
      button.addEventListener('click', () => open(button));
      root.append(button);
    }
  }
}
