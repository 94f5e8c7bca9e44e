import { inflateSync } from 'node:zlib';

/**
 * The text of a PDF as Chromium (Skia) writes it, enough for a test to find words in an export:
 * each page's content streams decoded through their fonts' ToUnicode maps (Identity-H, 2-byte
 * glyph codes in hex strings). Runs are joined without separators (Skia splits words into runs
 * at kerning), so look for a phrase with `toContain`; no layout is reconstructed.
 */
export function pdfText(pdf: Buffer): string {
  const s = pdf.toString('latin1'); // one char per byte, so string offsets are byte offsets
  const objects = new Map<number, { dict: string; stream: Buffer | null }>();
  const head = /(\d+) 0 obj\b/g;
  for (let m = head.exec(s); m; m = head.exec(s)) {
    const start = m.index + m[0].length;
    const end = s.indexOf('endobj', start);
    const body = s.slice(start, end);
    const at = body.indexOf('stream');
    let stream: Buffer | null = null;
    let dict = body;
    if (at >= 0 && body.lastIndexOf('endstream') > at) {
      dict = body.slice(0, at);
      const dataStart = start + at + 'stream'.length + (s[start + at + 6] === '\r' ? 2 : 1);
      const raw = pdf.subarray(dataStart, s.indexOf('endstream', dataStart));
      stream = /\/FlateDecode/.test(dict) ? inflateSync(raw) : raw;
    }
    objects.set(Number(m[1]), { dict, stream });
    head.lastIndex = end;
  }
  const cmapOf = (fontObj: number): Map<number, string> => {
    const map = new Map<number, string>();
    const ref = /\/ToUnicode (\d+) 0 R/.exec(objects.get(fontObj)?.dict ?? '');
    const text = ref ? (objects.get(Number(ref[1]))?.stream?.toString('latin1') ?? '') : '';
    const utf16 = (hex: string) =>
      String.fromCharCode(...(hex.match(/.{4}/g) ?? []).map((h) => parseInt(h, 16)));
    for (const block of text.matchAll(/beginbfchar([\s\S]*?)endbfchar/g))
      for (const [, code, uni] of block[1]!.matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>/g))
        map.set(parseInt(code!, 16), utf16(uni!));
    for (const block of text.matchAll(/beginbfrange([\s\S]*?)endbfrange/g))
      for (const [, lo, hi, uni] of block[1]!.matchAll(
        /<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>/g,
      )) {
        const first = parseInt(uni!, 16);
        for (let c = parseInt(lo!, 16); c <= parseInt(hi!, 16); c++)
          map.set(c, String.fromCharCode(first + c - parseInt(lo!, 16)));
      }
    return map;
  };
  const out: string[] = [];
  for (const [, page] of objects) {
    if (!/\/Type\s*\/Page\b/.test(page.dict)) continue;
    const fonts = new Map<string, Map<number, string>>();
    const fontDict = /\/Font\s*<<([^>]*)>>/.exec(page.dict)?.[1] ?? '';
    for (const [, name, obj] of fontDict.matchAll(/\/(\w+) (\d+) 0 R/g))
      fonts.set(name!, cmapOf(Number(obj)));
    const contents = /\/Contents (\d+) 0 R/.exec(page.dict);
    const content = contents ? objects.get(Number(contents[1]))?.stream?.toString('latin1') : '';
    let cmap = new Map<number, string>();
    const decode = (hex: string) =>
      (hex.match(/.{4}/g) ?? []).map((h) => cmap.get(parseInt(h, 16)) ?? '').join('');
    // Font changes, text placements (a new run) and the hex strings of Tj and TJ, in order.
    const tokens = /\/(\w+) [\d.]+ Tf|\bTm\b|\bT\*|\bTd\b|<([0-9A-Fa-f]*)>/g;
    let line = '';
    for (const t of (content ?? '').matchAll(tokens)) {
      if (t[1] !== undefined) cmap = fonts.get(t[1]) ?? new Map<number, string>();
      else if (t[2] !== undefined) line += decode(t[2]);
      else {
        out.push(line);
        line = '';
      }
    }
    out.push(line);
  }
  return out.join('');
}
