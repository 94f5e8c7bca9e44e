import type { ImportEncoding } from '@polku/contracts';

/**
 * An encoding an import file is read in (contracts' importEncodings but `auto`, which means: a
 * byte-order mark says (UTF-8, UTF-16 LE or BE); else UTF-16 when the bytes look like it
 * (Excel's "Unicode text" may come without a mark from other tools); else UTF-8 unless the
 * bytes are not valid UTF-8, then cp1252).
 */
export type TextEncoding = Exclude<ImportEncoding, 'auto'>;

/** How the summary and the error messages name each encoding. */
export const encodingNames: Record<TextEncoding, string> = {
  utf8: 'UTF-8',
  utf16le: 'UTF-16 LE',
  utf16be: 'UTF-16 BE',
  latin1: 'Latin-1',
  cp1252: 'Windows-1252',
};

/** cp1252's printable characters in 0x80–0x9F, where it differs from latin-1 (unassigned bytes stay as latin-1). */
const CP1252_HIGH: Record<number, string> = {
  0x80: '€',
  0x82: '‚',
  0x83: 'ƒ',
  0x84: '„',
  0x85: '…',
  0x86: '†',
  0x87: '‡',
  0x88: 'ˆ',
  0x89: '‰',
  0x8a: 'Š',
  0x8b: '‹',
  0x8c: 'Œ',
  0x8e: 'Ž',
  0x91: '‘',
  0x92: '’',
  0x93: '“',
  0x94: '”',
  0x95: '•',
  0x96: '–',
  0x97: '—',
  0x98: '˜',
  0x99: '™',
  0x9a: 'š',
  0x9b: '›',
  0x9c: 'œ',
  0x9e: 'ž',
  0x9f: 'Ÿ',
};
const C1 = /[\x80-\x9f]/g;

/** Thrown by the strict decoders on bytes that are not in their encoding (what `auto` falls back on). */
export class InvalidTextError extends Error {}

/** Decodes a stream chunk by chunk; `end()` flushes what a split multi-byte character left. */
export interface ChunkDecoder {
  write(chunk: Buffer): string;
  end(): string;
}

function strictDecoder(label: string, name: string): ChunkDecoder {
  // fatal: a broken byte sequence is an error, never a silent U+FFFD; the mark is dropped.
  const decoder = new TextDecoder(label, { fatal: true });
  const decode = (chunk?: Buffer) => {
    try {
      return chunk ? decoder.decode(chunk, { stream: true }) : decoder.decode();
    } catch {
      throw new InvalidTextError(`the file is not valid ${name}`);
    }
  };
  return { write: (chunk) => decode(chunk), end: () => decode() };
}

/**
 * A decoder for one encoding. Node 20's TextDecoder('windows-1252') decodes as latin-1 (0x80
 * stays U+0080 rather than €), so cp1252 is mapped here by hand.
 */
export function createDecoder(encoding: TextEncoding): ChunkDecoder {
  switch (encoding) {
    case 'utf8':
    case 'utf16le':
    case 'utf16be':
      return strictDecoder(
        { utf8: 'utf-8', utf16le: 'utf-16le', utf16be: 'utf-16be' }[encoding],
        encodingNames[encoding],
      );
    case 'latin1':
      return { write: (chunk) => chunk.toString('latin1'), end: () => '' };
    case 'cp1252':
      return {
        write: (chunk) =>
          chunk.toString('latin1').replace(C1, (c) => CP1252_HIGH[c.charCodeAt(0)] ?? c),
        end: () => '',
      };
  }
}

/**
 * The encoding the first bytes of a file announce: a byte-order mark, or UTF-16's zero bytes.
 * Text in UTF-16 that is mostly Latin script has a zero in every other byte (the high byte of
 * each character), on the odd bytes for little-endian and the even ones for big-endian; a
 * stray NUL in a UTF-8 file does not come near that. Null when the bytes announce nothing
 * (UTF-8, or a single-byte encoding).
 */
export function sniffEncoding(head: Buffer): 'utf8' | 'utf16le' | 'utf16be' | null {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return 'utf8';
  if (head[0] === 0xff && head[1] === 0xfe) return 'utf16le';
  if (head[0] === 0xfe && head[1] === 0xff) return 'utf16be';
  const pairs = Math.floor(Math.min(head.length, 4096) / 2);
  if (pairs < 2) return null;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < pairs; i++) {
    if (head[2 * i] === 0) evenZeros++;
    if (head[2 * i + 1] === 0) oddZeros++;
  }
  if (oddZeros >= pairs * 0.4 && evenZeros <= pairs * 0.05) return 'utf16le';
  if (evenZeros >= pairs * 0.4 && oddZeros <= pairs * 0.05) return 'utf16be';
  return null;
}
