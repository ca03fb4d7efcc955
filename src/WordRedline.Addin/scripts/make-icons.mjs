// Draws the add-in's ribbon icons (16, 32, 64, 80 px PNG) with no image library: a brand-blue tile, a white
// shield, and a blue check mark, anti-aliased by 4x4 supersampling. Run: npm run icons (output is committed).
import { deflateSync } from "node:zlib";
import { mkdirSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

const out = fileURLToPath(new URL("../public/assets/", import.meta.url));
const BLUE = [15, 108, 189];
const WHITE = [255, 255, 255];

// Shapes in unit coordinates (0..1).
const inTile = (x, y) => {
  const r = 0.18;
  const cx = Math.min(Math.max(x, r), 1 - r);
  const cy = Math.min(Math.max(y, r), 1 - r);
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
};
const shield = [[0.5, 0.12], [0.82, 0.24], [0.8, 0.52], [0.5, 0.9], [0.2, 0.52], [0.18, 0.24]];
const inPolygon = (x, y, poly) => {
  let inside = false;
  for (let i = 0, j = poly.length - 1; i < poly.length; j = i++) {
    const [xi, yi] = poly[i];
    const [xj, yj] = poly[j];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
};
const distToSegment = (x, y, [ax, ay], [bx, by]) => {
  const t = Math.max(0, Math.min(1, ((x - ax) * (bx - ax) + (y - ay) * (by - ay)) / ((bx - ax) ** 2 + (by - ay) ** 2)));
  return Math.hypot(x - (ax + t * (bx - ax)), y - (ay + t * (by - ay)));
};
const check = [[0.36, 0.5], [0.46, 0.61], [0.65, 0.38]];
const onCheck = (x, y) => Math.min(distToSegment(x, y, check[0], check[1]), distToSegment(x, y, check[1], check[2])) < 0.055;

function pixel(x, y) {
  if (!inTile(x, y)) return [0, 0, 0, 0];
  if (inPolygon(x, y, shield)) return onCheck(x, y) ? [...BLUE, 255] : [...WHITE, 255];
  return [...BLUE, 255];
}

function render(size) {
  const ss = 4;
  const rows = [];
  for (let py = 0; py < size; py++) {
    const row = Buffer.alloc(1 + size * 4);
    for (let px = 0; px < size; px++) {
      const acc = [0, 0, 0, 0];
      for (let sy = 0; sy < ss; sy++) {
        for (let sx = 0; sx < ss; sx++) {
          const [r, g, b, a] = pixel((px + (sx + 0.5) / ss) / size, (py + (sy + 0.5) / ss) / size);
          acc[0] += r * a; acc[1] += g * a; acc[2] += b * a; acc[3] += a;
        }
      }
      const alpha = acc[3] / (ss * ss);
      const o = 1 + px * 4;
      row[o] = acc[3] ? Math.round(acc[0] / acc[3]) : 0;
      row[o + 1] = acc[3] ? Math.round(acc[1] / acc[3]) : 0;
      row[o + 2] = acc[3] ? Math.round(acc[2] / acc[3]) : 0;
      row[o + 3] = Math.round(alpha);
    }
    rows.push(row);
  }
  return png(size, size, Buffer.concat(rows));
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (buf) => {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}
function png(width, height, raw) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", ihdr),
    chunk("IDAT", deflateSync(raw, { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

mkdirSync(out, { recursive: true });
for (const size of [16, 32, 64, 80]) writeFileSync(`${out}icon-${size}.png`, render(size));
console.log(`icons written to ${out}`);
