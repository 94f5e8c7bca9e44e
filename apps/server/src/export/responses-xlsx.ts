import { strToU8, Zip, ZipDeflate, ZipPassThrough } from 'fflate';
import type { ExportPlan, ExportRow } from './responses-csv.js';

// A minimal SpreadsheetML workbook, written as a stream: the static parts first, then the one
// sheet, deflated a page of responses at a time, so memory stays flat at any size.

const CONTENT_TYPES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`;
const ROOT_RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`;
const WORKBOOK = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Responses" sheetId="1" r:id="rId1"/></sheets></workbook>`;
const WORKBOOK_RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`;
const SHEET_START = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>`;
const SHEET_END = '</sheetData></worksheet>';

/** Column letters of a zero-based index: 0 → A, 26 → AA. */
export function columnName(index: number): string {
  let name = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26))
    name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

/** Text safe inside XML: escaped, and without the control characters XML 1.0 forbids. */
function xmlText(s: string): string {
  let kept = '';
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    const forbidden =
      (c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) || c === 0xfffe || c === 0xffff;
    if (!forbidden) kept += ch;
  }
  return kept.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
}

function rowXml(index: number, columns: string[], cells: ExportRow | null): string {
  const r = index + 1;
  let xml = `<row r="${r}">`;
  columns.forEach((column, i) => {
    const value = cells ? cells[column] : column;
    if (value === undefined || value === '') return;
    const ref = `${columnName(i)}${r}`;
    // Numbers stay numbers; text is inline and never a formula, so nothing in it is evaluated.
    xml +=
      typeof value === 'number'
        ? `<c r="${ref}"><v>${value}</v></c>`
        : `<c r="${ref}" t="inlineStr"><is><t xml:space="preserve">${xmlText(value)}</t></is></c>`;
  });
  return `${xml}</row>`;
}

/** The export as an XLSX file, streamed in chunks. */
export async function* writeResponsesXlsx(plan: ExportPlan): AsyncGenerator<Uint8Array> {
  const out: Uint8Array[] = [];
  const state: { failure?: Error } = {};
  const zip = new Zip((err, chunk) => {
    if (err) state.failure = err;
    else out.push(chunk);
  });
  for (const [name, text] of [
    ['[Content_Types].xml', CONTENT_TYPES],
    ['_rels/.rels', ROOT_RELS],
    ['xl/workbook.xml', WORKBOOK],
    ['xl/_rels/workbook.xml.rels', WORKBOOK_RELS],
  ] as const) {
    const file = new ZipPassThrough(name);
    zip.add(file);
    file.push(strToU8(text), true);
  }
  const sheet = new ZipDeflate('xl/worksheets/sheet1.xml', { level: 6 });
  zip.add(sheet);
  sheet.push(strToU8(SHEET_START + rowXml(0, plan.columns, null)));
  let row = 1;
  for await (const page of plan.pages) {
    sheet.push(strToU8(page.map((cells) => rowXml(row++, plan.columns, cells)).join('')));
    if (state.failure) throw state.failure;
    yield* out.splice(0);
  }
  sheet.push(strToU8(SHEET_END), true);
  zip.end();
  if (state.failure) throw state.failure;
  yield* out.splice(0);
}
