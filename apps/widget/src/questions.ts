import type { AnswerValue, LocalizedText, Question } from '@polku/contracts';
import { h } from './dom.js';
import type { Strings } from './i18n.js';

/** One question on the form: its element, how to read its answer, and where its error goes. */
export interface Field {
  q: Question;
  el: HTMLElement;
  err: HTMLElement;
  read(): AnswerValue | undefined;
  focus(): void;
}

export type Text = (t: LocalizedText | undefined) => string;

/**
 * The question types the widget shows; the others are answered on the full survey page (the
 * form links to it, and a required one sends the respondent there). Numeric questions are among
 * them: a decimal field needs the page's checks and messages in each language.
 */
export const supported = ['nps', 'csat', 'ces', 'rating', 'goal', 'single', 'multiple', 'text'];

/** Renders a question the widget supports (check with `supported` first). */
export function renderField(q: Question, i: number, tx: Text, s: Strings): Field {
  const id = `q${i}`;
  const err = h('p', { class: 'err', id: `${id}e` });
  const help = q.help && tx(q.help) ? h('p', { class: 'help', id: `${id}h` }, tx(q.help)) : null;
  const described = `${help ? `${id}h ` : ''}${id}e`;
  const title = [
    tx(q.text),
    q.required && ' ',
    q.required && h('span', { class: 'm' }, s.requiredMark),
  ];
  const inputs = () => Array.from(el.querySelectorAll('input'));

  // A group of radios or checkboxes: fieldset and legend, so the question is read with each.
  const group = (
    kind: 'radio' | 'checkbox',
    options: { value: string; label: string; hint?: string }[],
    ends?: [string, string],
  ) =>
    h(
      'fieldset',
      { 'aria-describedby': described },
      h('legend', {}, ...title),
      help,
      h(
        'div',
        { class: ends ? 'scale' : 'list' },
        ...options.map((o) =>
          h(
            'label',
            {},
            h('input', { type: kind, name: id, value: o.value }),
            h('span', {}, o.label, o.hint && h('span', { class: 'sr' }, `(${o.hint})`)),
          ),
        ),
      ),
      ends &&
        h(
          'div',
          { class: 'ends', 'aria-hidden': 'true' },
          h('span', {}, ends[0]),
          h('span', {}, ends[1]),
        ),
      err,
    );

  const scale = (min: number, max: number, ends: [string, string]) => {
    const options = [];
    for (let v = min; v <= max; v++)
      options.push({
        value: String(v),
        label: String(v),
        hint: v === min ? ends[0] : v === max ? ends[1] : undefined,
      });
    return group('radio', options, ends);
  };

  let el: HTMLElement;
  switch (q.type) {
    case 'nps':
      el = scale(0, 10, s.nps);
      break;
    case 'csat':
      el = scale(1, 5, s.csat);
      break;
    case 'ces':
      el = scale(1, 7, s.ces);
      break;
    case 'rating': {
      // contracts' ratingScale, written again: the widget imports only types from contracts.
      const start = q.scaleStart ?? 1;
      el = scale(start, start + q.points - 1, [tx(q.lowLabel), tx(q.highLabel)]);
      break;
    }
    case 'goal':
      el = group(
        'radio',
        s.goal.map((label, j) => ({ value: ['yes', 'partly', 'no'][j]!, label })),
      );
      break;
    case 'single':
    case 'multiple':
      el = group(
        q.type === 'single' ? 'radio' : 'checkbox',
        q.options.map((o) => ({ value: o.key, label: tx(o.label) })),
      );
      break;
    default: {
      const max = q.type === 'text' ? q.maxLength : 2000;
      const attrs = { id, maxlength: max, 'aria-describedby': described, class: 't' };
      const box =
        q.type === 'text' && !q.multiline
          ? h('input', { ...attrs, type: 'text' })
          : h('textarea', { ...attrs, rows: 3 });
      el = h('div', { class: 'f' }, h('label', { class: 'lb', for: id }, ...title), help, box, err);
      return {
        q,
        el,
        err,
        read: () => box.value.trim() || undefined,
        focus: () => box.focus(),
      };
    }
  }
  return {
    q,
    el,
    err,
    read() {
      const on = inputs().filter((x) => x.checked);
      if (!on.length) return undefined;
      if (q.type === 'multiple') return on.map((x) => x.value);
      const v = on[0]!.value;
      return q.type === 'goal' || q.type === 'single' ? v : Number(v);
    },
    focus: () => (inputs().find((x) => x.checked) ?? inputs()[0])?.focus(),
  };
}
