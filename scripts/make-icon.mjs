// Draws media/icon.png (128x128, the Marketplace icon) without any image library: a page with a
// folded corner and lines of text on a dark tile, crossed by a red heartbeat trace.
// Shapes are tested per sample, 4x4 samples per pixel for anti-aliasing; PNG encoded with zlib.
// Usage: node scripts/make-icon.mjs [out.png] [size]
import { writeFileSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { deflateSync } from 'node:zlib';

const out = process.argv[2] ?? new URL('../media/icon.png', import.meta.url).pathname;
const SIZE = Number(process.argv[3] ?? 128);
const SS = 4; // samples per pixel per axis

// Colours (r, g, b, a in 0..1).
const TILE = [0.118, 0.165, 0.22, 1]; // #1e2a38
const PAGE = [0.96, 0.97, 0.98, 1];
const FOLD = [0.78, 0.82, 0.87, 1];
const TEXT = [0.62, 0.67, 0.74, 1];
const PULSE = [0.9, 0.22, 0.21, 1]; // #e53935

// Geometry in a 0..128 design space.
const inRoundRect = (x, y, x0, y0, x1, y1, r) => {
  if (x < x0 || x > x1 || y < y0 || y > y1) return false;
  const cx = Math.min(Math.max(x, x0 + r), x1 - r);
  const cy = Math.min(Math.max(y, y0 + r), y1 - r);
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
};
const PAGE_BOX = { x0: 30, y0: 18, x1: 98, y1: 110, fold: 20 };
const inPage = (x, y) => {
  const { x0, y0, x1, y1, fold } = PAGE_BOX;
  if (!inRoundRect(x, y, x0, y0, x1, y1, 4)) return false;
  return !(x > x1 - fold && y < y0 + fold && x - (x1 - fold) > y - y0); // cut corner
};
const inFold = (x, y) => {
  const { x1, y0, fold } = PAGE_BOX;
  return x > x1 - fold && x <= x1 && y >= y0 && y < y0 + fold && x - (x1 - fold) <= y - y0;
};
const TEXT_LINES = [
  [40, 32, 70],
  [40, 42, 84],
  [40, 52, 78], // header lines above the trace
  [40, 86, 88],
  [40, 96, 72], // body lines below it
];
const inText = (x, y) => TEXT_LINES.some(([x0, yy, x1]) => inRoundRect(x, y, x0, yy - 2.5, x1, yy + 2.5, 2.5));
// Heartbeat: flat, small bump, sharp spike up and down, flat.
const TRACE = [
  [14, 70],
  [42, 70],
  [48, 64],
  [54, 70],
  [60, 70],
  [66, 48],
  [73, 88],
  [79, 62],
  [84, 70],
  [114, 70],
];
const distToSegment = (x, y, [ax, ay], [bx, by]) => {
  const dx = bx - ax,
    dy = by - ay;
  const t = Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(x - (ax + t * dx), y - (ay + t * dy));
};
const inTrace = (x, y, halfWidth) => TRACE.some((p, i) => i > 0 && distToSegment(x, y, TRACE[i - 1], p) <= halfWidth);

function colourAt(x, y) {
  if (!inRoundRect(x, y, 2, 2, 126, 126, 22)) return [0, 0, 0, 0];
  if (inTrace(x, y, 4)) return PULSE;
  if (inTrace(x, y, 7)) return inPage(x, y) || inFold(x, y) ? PAGE : TILE; // a gap around the trace
  if (inFold(x, y)) return FOLD;
  if (inPage(x, y)) return inText(x, y) ? TEXT : PAGE;
  return TILE;
}

const scale = 128 / SIZE;
const raw = Buffer.alloc(SIZE * (SIZE * 4 + 1));
for (let py = 0; py < SIZE; py++) {
  raw[py * (SIZE * 4 + 1)] = 0; // filter: none
  for (let px = 0; px < SIZE; px++) {
    let r = 0,
      g = 0,
      b = 0,
      a = 0;
    for (let sy = 0; sy < SS; sy++) {
      for (let sx = 0; sx < SS; sx++) {
        const [cr, cg, cb, ca] = colourAt((px + (sx + 0.5) / SS) * scale, (py + (sy + 0.5) / SS) * scale);
        r += cr * ca;
        g += cg * ca;
        b += cb * ca;
        a += ca; // premultiplied
      }
    }
    const o = py * (SIZE * 4 + 1) + 1 + px * 4;
    raw[o] = a ? Math.round((r / a) * 255) : 0;
    raw[o + 1] = a ? Math.round((g / a) * 255) : 0;
    raw[o + 2] = a ? Math.round((b / a) * 255) : 0;
    raw[o + 3] = Math.round((a / (SS * SS)) * 255);
  }
}

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (buf) => {
  let c = 0xffffffff;
  for (const byte of buf) c = crcTable[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
const chunk = (type, data) => {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
};
const ihdr = Buffer.alloc(13);
ihdr.writeUInt32BE(SIZE, 0);
ihdr.writeUInt32BE(SIZE, 4);
ihdr[8] = 8; // bit depth
ihdr[9] = 6; // RGBA
const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw, { level: 9 })), chunk('IEND', Buffer.alloc(0))]);
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, png);
console.log(`wrote ${out} (${SIZE}x${SIZE}, ${png.length} bytes)`);
