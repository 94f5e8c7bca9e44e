/**
 * HTML that is safe to send: built only by the `markup` tag below, which escapes every value
 * that is not itself SafeHtml. Survey texts and respondent input reach a page only through it.
 */
export class SafeHtml {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

/** What may be interpolated: text (escaped), numbers, SafeHtml, lists of these; nothing for false/null. */
export type HtmlValue =
  SafeHtml | string | number | false | null | undefined | readonly HtmlValue[];

const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Escapes text for HTML content and double- or single-quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ENTITIES[c]!);
}

function render(value: HtmlValue): string {
  if (value === false || value === null || value === undefined) return '';
  if (value instanceof SafeHtml) return value.value;
  if (Array.isArray(value)) return (value as readonly HtmlValue[]).map(render).join('');
  return escapeHtml(String(value));
}

/**
 * A tagged template for HTML: markup`<p>${text}</p>` escapes `text`. Attribute values must be
 * quoted in the template. (Named `markup`, not `html`, so Prettier leaves the markup as written.)
 */
export function markup(strings: TemplateStringsArray, ...values: HtmlValue[]): SafeHtml {
  let out = strings[0]!;
  values.forEach((v, i) => {
    out += render(v) + strings[i + 1]!;
  });
  return new SafeHtml(out);
}

/** Marks trusted markup (our own constants, never user or survey text) as safe. */
export function trusted(text: string): SafeHtml {
  return new SafeHtml(text);
}
