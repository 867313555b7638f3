// Draws the add-in's icons (assets/icons/icon-{16,32,64,80}.png): a green rounded square
// with a white check mark. A tiny PNG encoder over node:zlib keeps the icons reproducible
// without an image library. Run: npx tsx scripts/make-icons.ts
import { deflateSync } from "node:zlib";
import { writeFileSync, mkdirSync } from "node:fs";
import { join } from "node:path";

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(buf: Buffer): number {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

/** RGBA pixels (row-major) → PNG bytes (8-bit RGBA, no interlace). */
export function encodePng(size: number, rgba: Uint8Array): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // RGBA
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0; // filter: none
    Buffer.from(rgba.buffer, rgba.byteOffset + y * size * 4, size * 4).copy(raw, y * (size * 4 + 1) + 1);
  }
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([signature, chunk("IHDR", ihdr), chunk("IDAT", deflateSync(raw)), chunk("IEND", Buffer.alloc(0))]);
}

function distanceToSegment(px: number, py: number, ax: number, ay: number, bx: number, by: number): number {
  const t = Math.max(0, Math.min(1, ((px - ax) * (bx - ax) + (py - ay) * (by - ay)) / ((bx - ax) ** 2 + (by - ay) ** 2)));
  return Math.hypot(px - (ax + t * (bx - ax)), py - (ay + t * (by - ay)));
}

/** Anti-aliased by 4×4 supersampling. */
export function drawIcon(size: number): Uint8Array {
  const px = new Uint8Array(size * size * 4);
  const radius = size * 0.18;
  const stroke = Math.max(1.2, size * 0.11);
  for (let y = 0; y < size; y++)
    for (let x = 0; x < size; x++) {
      let inside = 0;
      let check = 0;
      for (let sy = 0; sy < 4; sy++)
        for (let sx = 0; sx < 4; sx++) {
          const u = (x + (sx + 0.5) / 4) / size;
          const v = (y + (sy + 0.5) / 4) / size;
          const r = radius / size;
          const dx = Math.max(r - u, 0, u - (1 - r));
          const dy = Math.max(r - v, 0, v - (1 - r));
          if (dx * dx + dy * dy <= r * r) inside++;
          const d = Math.min(distanceToSegment(u, v, 0.24, 0.52, 0.43, 0.71), distanceToSegment(u, v, 0.43, 0.71, 0.78, 0.3));
          if (d * size <= stroke / 2) check++;
        }
      const a = inside / 16;
      const w = check / 16;
      const i = (y * size + x) * 4;
      // #217346 (Excel green) blended with white where the check mark is.
      px[i] = Math.round(0x21 + (255 - 0x21) * w);
      px[i + 1] = Math.round(0x73 + (255 - 0x73) * w);
      px[i + 2] = Math.round(0x46 + (255 - 0x46) * w);
      px[i + 3] = Math.round(255 * a);
    }
  return px;
}

if (require.main === module) {
  const dir = join(__dirname, "..", "assets", "icons");
  mkdirSync(dir, { recursive: true });
  for (const size of [16, 32, 64, 80]) writeFileSync(join(dir, `icon-${size}.png`), encodePng(size, drawIcon(size)));
  console.log(`icons written to ${dir}`);
}
