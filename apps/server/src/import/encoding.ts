/** The text encodings an import file may be in. `auto`: UTF-8 unless the bytes are not valid UTF-8, then cp1252. */
export const importEncodings = ['auto', 'utf8', 'latin1', 'cp1252'] as const;
export type ImportEncoding = (typeof importEncodings)[number];

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

/** Thrown by the strict UTF-8 decoder on bytes that are not UTF-8 (what `auto` falls back on). */
export class InvalidUtf8Error extends Error {}

/** Decodes a stream chunk by chunk; `end()` flushes what a split multi-byte character left. */
export interface ChunkDecoder {
  write(chunk: Buffer): string;
  end(): string;
}

/**
 * A decoder for one encoding. Node 20's TextDecoder('windows-1252') decodes as latin-1 (0x80
 * stays U+0080 rather than €), so cp1252 is mapped here by hand.
 */
export function createDecoder(encoding: Exclude<ImportEncoding, 'auto'>): ChunkDecoder {
  switch (encoding) {
    case 'utf8': {
      const decoder = new TextDecoder('utf-8', { fatal: true });
      const decode = (chunk?: Buffer) => {
        try {
          return chunk ? decoder.decode(chunk, { stream: true }) : decoder.decode();
        } catch {
          throw new InvalidUtf8Error('the file is not valid UTF-8');
        }
      };
      return { write: (chunk) => decode(chunk), end: () => decode() };
    }
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
