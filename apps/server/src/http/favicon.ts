import type { FastifyInstance } from 'fastify';

const SIZE = 32;

/** Whether pixel (x, y) of the 32 × 32 icon is inside the white "P" on the blue tile. */
function isLetter(x: number, y: number): boolean {
  const stem = x >= 9 && x < 14 && y >= 7 && y < 26;
  // The bowl: a ring to the right of the stem, from the top down to its middle.
  const dx = x - 15.5;
  const dy = y - 12.5;
  const r = Math.sqrt(dx * dx + dy * dy);
  const bowl = x >= 12 && y >= 7 && y < 19 && r >= 3 && r < 6.5 && (x >= 15 || y < 10 || y >= 16);
  const bars = x >= 12 && x < 16 && ((y >= 7 && y < 10) || (y >= 16 && y < 19));
  return stem || bowl || bars;
}

/** Whether (x, y) is inside the tile: a square with rounded corners (radius 6). */
function isTile(x: number, y: number): boolean {
  const r = 6;
  const cx = Math.min(Math.max(x + 0.5, r), SIZE - r);
  const cy = Math.min(Math.max(y + 0.5, r), SIZE - r);
  return (x + 0.5 - cx) ** 2 + (y + 0.5 - cy) ** 2 <= r * r;
}

/**
 * The app's icon as a real ICO file (one 32 × 32, 32-bit image), drawn in code so the repository
 * holds no binary and browsers asking for /favicon.ico get an icon instead of the app's HTML.
 */
export function buildFavicon(): Buffer {
  const pixels = Buffer.alloc(SIZE * SIZE * 4);
  for (let row = 0; row < SIZE; row++) {
    const y = SIZE - 1 - row; // BMP rows run bottom-up
    for (let x = 0; x < SIZE; x++) {
      const at = (row * SIZE + x) * 4;
      if (!isTile(x, y)) continue; // transparent
      const white = isLetter(x, y);
      // BGRA: the brand blue #1971c2 (Mantine blue.8), the letter white.
      pixels[at] = white ? 0xff : 0xc2;
      pixels[at + 1] = white ? 0xff : 0x71;
      pixels[at + 2] = white ? 0xff : 0x19;
      pixels[at + 3] = 0xff;
    }
  }
  const mask = Buffer.alloc((SIZE * SIZE) / 8); // the alpha channel decides; the AND mask stays 0
  const header = Buffer.alloc(40);
  header.writeUInt32LE(40, 0);
  header.writeInt32LE(SIZE, 4);
  header.writeInt32LE(SIZE * 2, 8); // ICO images count the mask in their height
  header.writeUInt16LE(1, 12);
  header.writeUInt16LE(32, 14);
  header.writeUInt32LE(pixels.length + mask.length, 20);
  const image = Buffer.concat([header, pixels, mask]);
  const dir = Buffer.alloc(6 + 16);
  dir.writeUInt16LE(1, 2); // type: icon
  dir.writeUInt16LE(1, 4); // one image
  dir.writeUInt8(SIZE, 6);
  dir.writeUInt8(SIZE, 7);
  dir.writeUInt16LE(1, 10); // planes
  dir.writeUInt16LE(32, 12); // bits per pixel
  dir.writeUInt32LE(image.length, 14);
  dir.writeUInt32LE(dir.length, 18);
  return Buffer.concat([dir, image]);
}

/** GET /favicon.ico: the icon, cached for a day (it has no hash in its name). */
export function registerFavicon(app: FastifyInstance): void {
  const icon = buildFavicon();
  app.get('/favicon.ico', { schema: { hide: true } }, async (_request, reply) =>
    reply.type('image/x-icon').header('cache-control', 'public, max-age=86400').send(icon),
  );
}
