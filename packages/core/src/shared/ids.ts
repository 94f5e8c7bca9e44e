import { randomFillSync } from 'node:crypto';

let lastMs = 0;
let sequence = 0;

// Random bytes come from the OS in blocks: one system call per 512 ids, not per id.
const pool = Buffer.alloc(16 * 512);
let poolOffset = pool.length;

function randomBlock(): Buffer {
  if (poolOffset + 16 > pool.length) {
    randomFillSync(pool);
    poolOffset = 0;
  }
  const block = Buffer.from(pool.subarray(poolOffset, poolOffset + 16));
  poolOffset += 16;
  return block;
}

/**
 * A new UUIDv7 string (RFC 9562): 48 bits of epoch milliseconds, then a 12-bit counter that
 * keeps ids made in the same millisecond in creation order, then random bits. Ids sort by
 * creation time as strings, need no sequence, and a client may send its own.
 */
export function newId(now = Date.now()): string {
  const bytes = randomBlock();
  if (now <= lastMs) {
    sequence = (sequence + 1) & 0xfff;
    if (sequence === 0) lastMs += 1; // counter wrapped: borrow the next millisecond
    now = lastMs;
  } else {
    lastMs = now;
    sequence = bytes.readUInt16BE(6) & 0x3ff; // a random start that leaves room to count up
  }
  bytes.writeUIntBE(now, 0, 6);
  bytes[6] = 0x70 | (sequence >> 8);
  bytes[7] = sequence & 0xff;
  bytes[8] = 0x80 | (bytes[8]! & 0x3f);
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
