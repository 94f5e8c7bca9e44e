import type { AnswerValue, Language } from '@polku/contracts';
import { isAsked, meets, type Answers } from './conditions.js';
import { h } from './dom.js';
import type { Strings } from './i18n.js';
import { renderField, supported, type Field, type Text } from './questions.js';
import { postWithRetries, newResponseId } from './submit.js';
import type { WidgetSurvey } from './types.js';

export interface SurveyDialog {
  dialog: HTMLDialogElement;
  /** Opens the dialog; on closing, focus goes back to `returnTo`. */
  open(returnTo: HTMLElement | null): void;
  /** True once the response was stored: the next opening starts afresh. */
  done: boolean;
}

const FOCUSABLE = 'button,a[href],input:not([tabindex="-1"]),textarea';

/**
 * The survey in a modal dialog: labelled by its title, focus moved in and kept in, Esc closes,
 * focus returns to where it was. Submitting retries with the same response id, so the server
 * stores one response however many attempts reach it.
 */
export function createSurveyDialog(
  survey: WidgetSurvey,
  lang: Language,
  s: Strings,
  endpoint: string,
): SurveyDialog {
  const tx: Text = (t) => t?.[lang] || t?.[survey.defaultLanguage] || '';
  let returnTo: HTMLElement | null = null;
  const close = h('button', { type: 'button', class: 'x', 'aria-label': s.close }, '×');
  const body = h('div', { class: 'bd' });
  const dialog = h(
    'dialog',
    { 'aria-modal': 'true', 'aria-labelledby': 'pw-t', lang },
    h('div', { class: 'hd' }, h('h2', { id: 'pw-t' }, tx(survey.title)), close),
    body,
  );
  const self: SurveyDialog = { dialog, open, done: false };

  const intro = survey.intro && tx(survey.intro);
  if (intro) body.append(h('p', {}, intro));
  const fullLink = h('a', { href: survey.url, target: '_blank', rel: 'noopener' }, s.openFull);
  const shown = survey.questions.filter((q) => supported.includes(q.type));
  const mustGoFull = survey.questions.some((q) => q.required && !supported.includes(q.type));

  const fields: Field[] = shown.map((q, i) => renderField(q, i, tx, s));
  const status = h('p', { class: 'st', role: 'status' });
  const send = h('button', { type: 'submit', class: 'send' }, s.send);
  const honeypot = h('input', { name: 'website', tabindex: -1, autocomplete: 'off' });
  const form = h(
    'form',
    { novalidate: true },
    ...fields.map((f) => f.el),
    h('div', { class: 'hp', 'aria-hidden': 'true' }, h('label', {}, s.website, honeypot)),
    shown.length < survey.questions.length && h('p', {}, fullLink),
    status,
    send,
  );
  body.append(mustGoFull ? h('p', {}, fullLink) : form);

  /** The answers of the questions asked, in order (a question's conditions see earlier ones). */
  const collect = () => {
    const answers: Answers = {};
    for (const f of fields) {
      const asked = isAsked(f.q, answers);
      f.el.hidden = !asked;
      const v = asked ? f.read() : undefined;
      if (v !== undefined) answers[f.q.key] = v;
    }
    return answers;
  };
  form.addEventListener('change', () => {
    for (const f of fields) if (f.read() !== undefined) f.err.textContent = '';
    collect();
  });
  collect();

  let id = newResponseId();
  let busy = false;
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    if (busy) return;
    const answers = collect();
    const invalid = fields.filter((f) => {
      const v = answers[f.q.key];
      const q = f.q;
      f.err.textContent =
        !f.el.hidden && q.required && v === undefined
          ? s.required
          : q.type === 'multiple' && q.maxChoices && Array.isArray(v) && v.length > q.maxChoices
            ? s.atMost.replace('{n}', String(q.maxChoices))
            : '';
      return f.err.textContent !== '';
    });
    if (invalid.length) {
      status.textContent = s.check;
      invalid[0]!.focus();
      return;
    }
    busy = true;
    send.setAttribute('aria-disabled', 'true');
    status.textContent = s.sending;
    const payload = JSON.stringify({
      id,
      version: survey.version,
      language: lang,
      answers,
      ...(honeypot.value && { website: honeypot.value }),
    });
    postWithRetries(endpoint, payload)
      .then((res) => {
        if (res.status === 201) return thank(answers as Record<string, AnswerValue>);
        status.textContent = res.status === 400 ? s.check : s.failed;
      })
      .catch(() => (status.textContent = s.failed))
      .then(
        () => {
          busy = false;
          send.removeAttribute('aria-disabled');
        },
        () => undefined,
      );
  });

  function thank(answers: Record<string, AnswerValue>) {
    self.done = true;
    id = newResponseId();
    const rule = survey.thankYou.rules.find((r) => r.when.every((c) => meets(c, answers)));
    const message = h('p', { tabindex: -1 }, tx(rule?.message ?? survey.thankYou.message));
    const ok = h('button', { type: 'button', class: 'send' }, s.close);
    ok.addEventListener('click', hide);
    body.replaceChildren(message, ok);
    message.focus();
  }

  function hide() {
    if (dialog.open) dialog.close();
  }
  close.addEventListener('click', hide);
  dialog.addEventListener('close', () => {
    if (returnTo?.isConnected) returnTo.focus();
    returnTo = null;
  });
  dialog.addEventListener('keydown', (e) => {
    if (e.key === 'Escape') {
      e.preventDefault();
      hide();
    } else if (e.key === 'Tab') {
      // A modal dialog makes the page inert, but Tab would still leave for the browser's UI.
      const all = Array.from(dialog.querySelectorAll<HTMLElement>(FOCUSABLE)).filter(
        (x) => x.getClientRects().length > 0,
      );
      const active = (dialog.getRootNode() as ShadowRoot).activeElement;
      const first = all[0];
      const last = all[all.length - 1];
      if (e.shiftKey ? active === first : active === last) {
        e.preventDefault();
        (e.shiftKey ? last : first)?.focus();
      }
    }
  });

  function open(from: HTMLElement | null) {
    returnTo = from;
    if (!dialog.open) {
      if (typeof dialog.showModal === 'function') dialog.showModal();
      else dialog.setAttribute('open', '');
    }
    const firstField = fields.find((f) => !f.el.hidden);
    if (firstField && !mustGoFull && !self.done) firstField.focus();
    else close.focus();
  }

  return self;
}
