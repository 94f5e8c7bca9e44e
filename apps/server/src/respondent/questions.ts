import type { Language, LocalizedText, Question } from '@polku/contracts';
import { goalAnswers, kanoAnswers, ratingScale } from '@polku/contracts';
import type { FieldError, FormValues } from './form.js';
import { fieldName, numberRuleOf } from './form.js';
import { markup, type SafeHtml } from './html.js';
import type { RespondentMessages } from './messages.js';

/** What rendering a question needs: the language, posted or stored values, and its error. */
export interface QuestionContext {
  lang: Language;
  fallback: Language;
  m: RespondentMessages;
  values: FormValues;
  error: FieldError | undefined;
}

/** A survey text in the language shown, else in the survey's default language. */
export function localize(text: LocalizedText | undefined, lang: Language, fallback: Language) {
  return text?.[lang] || text?.[fallback] || '';
}

/** The id of a question's element, or of one of its parts. */
export function controlId(q: Question, ...parts: string[]): string {
  return ['q', q.key, ...parts].join('-');
}

/**
 * The id of the control an error summary link should focus: the first control of the part at
 * fault, else the question's first control.
 */
export function firstControlId(q: Question, part?: string): string {
  switch (q.type) {
    case 'nps':
      return controlId(q, '0');
    case 'csat':
    case 'ces':
      return controlId(q, '1');
    case 'rating':
      return controlId(q, String(ratingScale(q)[0]));
    case 'goal':
      return controlId(q, goalAnswers[0]);
    case 'single':
    case 'multiple':
      return controlId(q, q.options[0]!.key);
    case 'text':
    case 'numeric':
      return controlId(q);
    case 'expectation':
      return controlId(q, part === 'outcome' ? 'o' : 'e', '1');
    case 'kano':
      return controlId(q, part === 'dysfunctional' ? 'd' : 'f', kanoAnswers[0]);
    case 'emotion':
      return controlId(q, q.emotions[0]!);
    case 'incident':
      return part === 'valence'
        ? controlId(q, 'valence', 'positive')
        : controlId(q, part ?? 'what');
  }
}

const ids = (...list: (string | false | undefined)[]): string | false =>
  list.filter(Boolean).join(' ') || false;

/** Marks a control as invalid (its question's error describes why). */
function invalidAttr(invalid: boolean): SafeHtml | false {
  return invalid && markup` aria-invalid="true"`;
}

interface ScaleOptions {
  name: string;
  idBase: string;
  min: number;
  max: number;
  ends: readonly [string, string] | undefined;
  checked: string | null;
  invalid: boolean;
  required: boolean;
}

/** A row of radio buttons from min to max; the end labels are part of the end buttons' names. */
function scale(o: ScaleOptions): SafeHtml {
  const n = o.max - o.min + 1;
  const options = Array.from({ length: n }, (_, i) => {
    const v = String(o.min + i);
    const id = `${o.idBase}-${v}`;
    const end = o.ends && (i === 0 ? o.ends[0] : i === n - 1 ? o.ends[1] : '');
    const checked = o.checked === v && markup` checked`;
    const required = o.required && markup` required`;
    const endText = end && markup`<span class="vh"> – ${end}</span>`;
    return markup`<span class="opt"><input type="radio" id="${id}" name="${o.name}" value="${v}"${checked}${required}${invalidAttr(o.invalid)}><label for="${id}">${v}${endText}</label></span>`;
  });
  const ends =
    o.ends &&
    (o.ends[0] || o.ends[1]) &&
    markup`<div class="ends" aria-hidden="true"><span>${o.ends[0]}</span><span>${o.ends[1]}</span></div>`;
  return markup`<div class="scale${n > 7 ? ' wide' : ''}" style="--n:${n}">${options}</div>${ends}`;
}

interface Choice {
  value: string;
  label: string;
}

/** Radio buttons or checkboxes, one per line, each with its visible label. */
function choices(
  type: 'radio' | 'checkbox',
  name: string,
  idBase: string,
  list: Choice[],
  checked: string[],
  opts: { invalid: boolean; required: boolean },
): SafeHtml[] {
  return list.map((c) => {
    const id = `${idBase}-${c.value}`;
    const isChecked = checked.includes(c.value) && markup` checked`;
    const required = opts.required && type === 'radio' && markup` required`;
    return markup`<div class="choice"><input type="${type}" id="${id}" name="${name}" value="${c.value}"${isChecked}${required}${invalidAttr(opts.invalid)}><label for="${id}">${c.label}</label></div>`;
  });
}

/** The legend or label text of a question: its text and, when required, a visible marker. */
function title(q: Question, c: QuestionContext): SafeHtml {
  const required = q.required && markup` <span class="req">(${c.m.required})</span>`;
  return markup`${localize(q.text, c.lang, c.fallback)}${required}`;
}

/** The help text and error paragraphs, and the ids that describe the question. */
function notes(q: Question, c: QuestionContext, hint?: string) {
  const help = localize(q.help, c.lang, c.fallback);
  const helpId = help && controlId(q, 'help');
  const hintId = hint && controlId(q, 'hint');
  const errId = c.error && controlId(q, 'err');
  const helpP = help && markup`<p class="help" id="${helpId}">${help}</p>`;
  const hintP = hint && markup`<p class="help" id="${hintId}">${hint}</p>`;
  const errP =
    c.error &&
    markup`<p class="err" id="${errId}"><span class="vh">${c.m.errorPrefix}: </span>${c.error.message}</p>`;
  return { describedBy: ids(helpId, hintId, errId), markup: markup`${helpP}${hintP}${errP}` };
}

/** A question as a fieldset (a group of controls) with its legend, notes and body. */
function group(q: Question, c: QuestionContext, body: SafeHtml | SafeHtml[], hint?: string) {
  const n = notes(q, c, hint);
  const describedBy = n.describedBy && markup` aria-describedby="${n.describedBy}"`;
  return markup`<fieldset class="q${c.error ? ' invalid' : ''}" id="${controlId(q)}"${describedBy}><legend>${title(q, c)}</legend>${n.markup}${body}</fieldset>`;
}

/** A textarea or a one-line input with its own label (and notes between them). */
function textField(o: {
  id: string;
  name: string;
  label: SafeHtml | string;
  value: string;
  multiline: boolean;
  maxLength: number;
  describedBy: string | false;
  invalid: boolean;
  required: boolean;
  className?: string;
  notes?: SafeHtml;
}): SafeHtml {
  const describedBy = o.describedBy && markup` aria-describedby="${o.describedBy}"`;
  const required = o.required && markup` required`;
  const attrs = markup` id="${o.id}" name="${o.name}" maxlength="${o.maxLength}"${describedBy}${required}${invalidAttr(o.invalid)}`;
  const control = o.multiline
    ? markup`<textarea rows="4"${attrs}>${o.value}</textarea>`
    : markup`<input type="text"${attrs} value="${o.value}">`;
  return markup`<label class="${o.className ?? 'field'}" for="${o.id}">${o.label}</label>${o.notes}${control}`;
}

const one = (c: QuestionContext, name: string) => c.values.get(name);
const partInvalid = (c: QuestionContext, part: string) =>
  c.error !== undefined && (c.error.part === undefined || c.error.part === part);

function scaleQuestion(
  q: Question & { type: 'nps' | 'csat' | 'ces' | 'rating' },
  c: QuestionContext,
) {
  const m = c.m;
  const [min, max, ends] =
    q.type === 'nps'
      ? [0, 10, m.npsEnds]
      : q.type === 'csat'
        ? [1, 5, m.csatEnds]
        : q.type === 'ces'
          ? [1, 7, m.cesEnds]
          : [
              ...ratingScale(q),
              [
                localize(q.lowLabel, c.lang, c.fallback),
                localize(q.highLabel, c.lang, c.fallback),
              ] as const,
            ];
  const name = fieldName(q);
  return group(
    q,
    c,
    scale({
      name,
      idBase: controlId(q),
      min,
      max,
      ends,
      checked: one(c, name),
      invalid: c.error !== undefined,
      required: q.required,
    }),
  );
}

/**
 * A numeric answer: a text field with the decimal keyboard on phones, not `type="number"`,
 * which in many browsers refuses a decimal comma and, with the form's `novalidate`, would then
 * send the field empty: the answer would be lost without a word. The server reads a comma or a
 * point and says what it accepts when it cannot. The unit stands after the field and is read
 * with it (aria-describedby).
 */
function numericQuestion(q: Question & { type: 'numeric' }, c: QuestionContext) {
  const name = fieldName(q);
  const id = controlId(q);
  const n = notes(q, c, c.m.numberHint(numberRuleOf(q)));
  const unit = localize(q.unit, c.lang, c.fallback);
  const unitId = unit && controlId(q, 'unit');
  const describedBy = ids(n.describedBy || undefined, unitId);
  const value = one(c, name) ?? '';
  // A stored 12.5 is shown as Finnish and Swedish write it (12,5); what was typed stays as typed.
  const shown = c.lang === 'en' || !/^-?\d+\.\d+$/.test(value) ? value : value.replace('.', ',');
  // Phones' decimal keypads have no minus sign: a range below zero gets the full keyboard.
  const keypad = (q.min ?? -1) >= 0 && markup` inputmode="decimal"`;
  const attrs = markup` id="${id}" name="${name}"${keypad} autocomplete="off"${describedBy && markup` aria-describedby="${describedBy}"`}${q.required && markup` required`}${invalidAttr(c.error !== undefined)}`;
  const unitSpan = unit && markup`<span class="unit" id="${unitId}">${unit}</span>`;
  return markup`<div class="q${c.error ? ' invalid' : ''}"><label class="qt" for="${id}">${title(q, c)}</label>${n.markup}<div class="num"><input type="text"${attrs} value="${shown}">${unitSpan}</div></div>`;
}

function emotionQuestion(q: Question & { type: 'emotion' }, c: QuestionContext) {
  const name = fieldName(q);
  const picked = c.values.getAll(name);
  const invalid = c.error !== undefined;
  const rows = q.emotions.map((emotion) => {
    const id = controlId(q, emotion);
    const label = c.m.emotions[emotion];
    const setId = controlId(q, emotion, 'i');
    const intensity =
      q.intensity &&
      markup`<fieldset class="sub" id="${setId}"><legend>${c.m.intensityLegend(label)}</legend>${scale(
        {
          name: fieldName(q, emotion),
          idBase: setId,
          min: 1,
          max: 5,
          ends: c.m.intensityEnds,
          checked: one(c, fieldName(q, emotion)),
          invalid,
          required: false,
        },
      )}</fieldset>`;
    const checked = picked.includes(emotion) && markup` checked`;
    const enhance = q.intensity && markup` data-intensity="${setId}"`;
    return markup`<div class="emo"><div class="choice"><input type="checkbox" id="${id}" name="${name}" value="${emotion}"${checked}${enhance}${invalidAttr(invalid)}><label for="${id}">${label}</label></div>${intensity}</div>`;
  });
  return group(q, c, rows, c.m.emotionHint);
}

function incidentQuestion(q: Question & { type: 'incident' }, c: QuestionContext) {
  const m = c.m;
  const n = notes(q, c);
  const describe = (part: string) => (partInvalid(c, part) ? n.describedBy : false);
  const whenName = fieldName(q, 'when');
  const whenValue = one(c, whenName) ?? '';
  const whenId = controlId(q, 'when');
  let when: SafeHtml;
  if (q.stages.length) {
    const describedBy = describe('when') && markup` aria-describedby="${describe('when')}"`;
    const options = q.stages.map((s) => {
      const selected = whenValue === s.key && markup` selected`;
      return markup`<option value="${s.key}"${selected}>${localize(s.label, c.lang, c.fallback)}</option>`;
    });
    when = markup`<label class="field" for="${whenId}">${m.incidentStage}</label><select id="${whenId}" name="${whenName}"${describedBy}${invalidAttr(partInvalid(c, 'when'))}><option value="">${m.incidentNoStage}</option>${options}</select>`;
  } else {
    when = textField({
      id: whenId,
      name: whenName,
      label: m.incidentWhen,
      value: whenValue,
      multiline: false,
      maxLength: 200,
      describedBy: describe('when'),
      invalid: partInvalid(c, 'when'),
      required: false,
    });
  }
  const what = textField({
    id: controlId(q, 'what'),
    name: fieldName(q, 'what'),
    label: m.incidentWhat,
    value: one(c, fieldName(q, 'what')) ?? '',
    multiline: true,
    maxLength: 4000,
    describedBy: describe('what'),
    invalid: partInvalid(c, 'what'),
    required: q.required,
  });
  const why = textField({
    id: controlId(q, 'why'),
    name: fieldName(q, 'why'),
    label: m.incidentWhy,
    value: one(c, fieldName(q, 'why')) ?? '',
    multiline: true,
    maxLength: 4000,
    describedBy: describe('why'),
    invalid: partInvalid(c, 'why'),
    required: false,
  });
  const valence = choices(
    'radio',
    fieldName(q, 'valence'),
    controlId(q, 'valence'),
    [
      { value: 'positive', label: m.positive },
      { value: 'negative', label: m.negative },
    ],
    [one(c, fieldName(q, 'valence')) ?? ''],
    { invalid: partInvalid(c, 'valence'), required: q.required },
  );
  const describedBy = n.describedBy && markup` aria-describedby="${n.describedBy}"`;
  return markup`<fieldset class="q${c.error ? ' invalid' : ''}" id="${controlId(q)}"${describedBy}><legend>${title(q, c)}</legend>${n.markup}${what}${when}${why}<fieldset class="sub"><legend>${m.incidentValence}</legend>${valence}</fieldset></fieldset>`;
}

/** Renders one question for the respondent page, with the values given and its error. */
export function renderQuestion(q: Question, c: QuestionContext): SafeHtml {
  const m = c.m;
  const invalid = c.error !== undefined;
  const name = fieldName(q);
  switch (q.type) {
    case 'nps':
    case 'csat':
    case 'ces':
    case 'rating':
      return scaleQuestion(q, c);
    case 'goal': {
      const options = goalAnswers.map((g) => ({ value: g, label: m.goal[g] }));
      return group(
        q,
        c,
        choices('radio', name, controlId(q), options, [one(c, name) ?? ''], {
          invalid,
          required: q.required,
        }),
      );
    }
    case 'single':
    case 'multiple': {
      const options = q.options.map((o) => ({
        value: o.key,
        label: localize(o.label, c.lang, c.fallback),
      }));
      if (q.type === 'single')
        return group(
          q,
          c,
          choices('radio', name, controlId(q), options, [one(c, name) ?? ''], {
            invalid,
            required: q.required,
          }),
        );
      return group(
        q,
        c,
        choices('checkbox', name, controlId(q), options, c.values.getAll(name), {
          invalid,
          required: false,
        }),
        q.maxChoices ? m.chooseAtMost(q.maxChoices) : m.chooseAll,
      );
    }
    case 'text': {
      const n = notes(q, c);
      const field = textField({
        id: controlId(q),
        name,
        label: title(q, c),
        value: one(c, name) ?? '',
        multiline: q.multiline,
        maxLength: q.maxLength,
        describedBy: n.describedBy,
        invalid,
        required: q.required,
        className: 'qt',
        notes: n.markup,
      });
      return markup`<div class="q${invalid ? ' invalid' : ''}">${field}</div>`;
    }
    case 'expectation': {
      const sub = (part: 'expectation' | 'outcome', legend: string) => {
        const row = scale({
          name: fieldName(q, part),
          idBase: controlId(q, part === 'expectation' ? 'e' : 'o'),
          min: 1,
          max: q.points,
          ends: m.expectationEnds,
          checked: one(c, fieldName(q, part)),
          invalid: partInvalid(c, part),
          required: q.required,
        });
        return markup`<fieldset class="sub"><legend>${legend}</legend>${row}</fieldset>`;
      };
      return group(q, c, [sub('expectation', m.expected), sub('outcome', m.got)]);
    }
    case 'kano': {
      const feature = localize(q.feature, c.lang, c.fallback);
      const sub = (part: 'functional' | 'dysfunctional', legend: string) => {
        const list = choices(
          'radio',
          fieldName(q, part),
          controlId(q, part === 'functional' ? 'f' : 'd'),
          kanoAnswers.map((k) => ({ value: k, label: m.kano[k] })),
          [one(c, fieldName(q, part)) ?? ''],
          { invalid: partInvalid(c, part), required: q.required },
        );
        return markup`<fieldset class="sub"><legend>${legend}</legend>${list}</fieldset>`;
      };
      return group(q, c, [
        sub('functional', m.kanoFunctional(feature)),
        sub('dysfunctional', m.kanoDysfunctional(feature)),
      ]);
    }
    case 'numeric':
      return numericQuestion(q, c);
    case 'emotion':
      return emotionQuestion(q, c);
    case 'incident':
      return incidentQuestion(q, c);
  }
}
