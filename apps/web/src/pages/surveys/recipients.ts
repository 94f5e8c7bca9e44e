import { emailSchema, languages, type Language } from '@polku/contracts';

export interface Recipient {
  email: string;
  language?: Language;
}

export interface ParsedRecipients {
  recipients: Recipient[];
  /** What could not be read as an address, by line (1-based) of the pasted text. */
  invalid: { line: number; text: string }[];
}

function asLanguage(value: string): Language | undefined {
  const wanted = value.trim().toLowerCase();
  return languages.find((l) => l === wanted);
}

/** The address as the server will store it (trimmed, lower case), or null if it is not one. */
function asEmail(value: string): string | null {
  const parsed = emailSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}

/**
 * Reads pasted recipients: one address per line, `address,language` lines, or addresses
 * separated by commas, semicolons or spaces. A language code right after an address is that
 * address's language. Duplicates are kept: the server reports them as already invited.
 *
 * @example parseRecipientText('a@x.fi,sv\nb@x.fi; c@x.fi\nnonsense')
 * // → recipients a (sv), b, c; invalid: line 3 "nonsense"
 */
export function parseRecipientText(text: string): ParsedRecipients {
  const recipients: Recipient[] = [];
  const invalid: ParsedRecipients['invalid'] = [];
  text.split(/\r\n|\r|\n/).forEach((raw, index) => {
    let last: Recipient | undefined;
    for (const token of raw.split(/[,;\s]+/).filter(Boolean)) {
      const language = asLanguage(token);
      if (language && last && last.language === undefined) {
        last.language = language;
        continue;
      }
      const email = asEmail(token);
      if (email === null) {
        invalid.push({ line: index + 1, text: token });
        last = undefined;
        continue;
      }
      last = { email };
      recipients.push(last);
    }
  });
  return { recipients, invalid };
}

/** Splits CSV text into rows of cells (quotes with "" escapes; `,` `;` or tab, guessed). */
function splitCsv(text: string): string[][] {
  const body = text.replace(/^\uFEFF/, '');
  const firstLine = body.split(/\r?\n/, 1)[0] ?? '';
  const delimiter = [';', '\t', ','].reduce((best, d) =>
    firstLine.split(d).length > firstLine.split(best).length ? d : best,
  );
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < body.length; i += 1) {
    const c = body[i];
    if (quoted) {
      if (c === '"' && body[i + 1] === '"') {
        cell += '"';
        i += 1;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"' && cell === '') quoted = true;
    else if (c === delimiter) {
      row.push(cell);
      cell = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && body[i + 1] === '\n') i += 1;
      rows.push([...row, cell]);
      row = [];
      cell = '';
    } else cell += c;
  }
  if (cell !== '' || row.length > 0) rows.push([...row, cell]);
  return rows;
}

const languageHeaders = ['language', 'kieli', 'språk', 'lang'];

/**
 * Turns a CSV file into pasteable recipient lines (`address` or `address,language`): the
 * addresses come from the first column holding one, the language from a `language` or `kieli`
 * column named in a header row. Cells that are not addresses stay as lines, so they show as
 * invalid. An empty result means no column held an address.
 */
export function recipientLinesFromCsv(text: string): string[] {
  const rows = splitCsv(text).filter((r) => r.some((c) => c.trim() !== ''));
  const width = Math.max(0, ...rows.map((r) => r.length));
  let emailColumn = -1;
  for (let c = 0; c < width && emailColumn < 0; c += 1) {
    if (rows.some((r) => asEmail(r[c] ?? '') !== null)) emailColumn = c;
  }
  if (emailColumn < 0) return [];
  const header = rows[0] ?? [];
  const hasHeader = asEmail(header[emailColumn] ?? '') === null;
  const languageColumn = hasHeader
    ? header.findIndex((h) => languageHeaders.includes(h.trim().toLowerCase()))
    : -1;
  return rows.slice(hasHeader ? 1 : 0).map((r) => {
    const email = (r[emailColumn] ?? '').trim();
    const language = languageColumn >= 0 ? asLanguage(r[languageColumn] ?? '') : undefined;
    return email === '' ? r.join(' ').trim() : language ? `${email},${language}` : email;
  });
}
