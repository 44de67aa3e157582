// Draw the app icon (no downloads, no image library): a blue rounded square holding a white sheet
// with table rows and a green check, written as resources/icon.png (1024 px, for macOS and Linux) and
// resources/icon.ico (PNG entries of 256, 48, 32 and 16 px, for Windows). Run: node scripts/make-icon.mjs
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';

const out = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'resources');

/** Coverage (0–1) of pixel (x, y) of a size×size icon by each shape, sampled 4×4 for smooth edges. */
function draw(size) {
  const px = Buffer.alloc(size * size * 4);
  const roundRect = (u, v, x0, y0, x1, y1, r) => {
    const cx = Math.min(Math.max(u, x0 + r), x1 - r);
    const cy = Math.min(Math.max(v, y0 + r), y1 - r);
    return u >= x0 && u <= x1 && v >= y0 && v <= y1 && (u - cx) ** 2 + (v - cy) ** 2 <= r * r;
  };
  const segment = (u, v, ax, ay, bx, by, w) => {
    const t = Math.max(0, Math.min(1, ((u - ax) * (bx - ax) + (v - ay) * (by - ay)) / ((bx - ax) ** 2 + (by - ay) ** 2)));
    return (u - ax - t * (bx - ax)) ** 2 + (v - ay - t * (by - ay)) ** 2 <= (w / 2) ** 2;
  };
  // Shapes in a 0–1 square, painted in order (later on top).
  const shapes = [
    { color: [31, 78, 140], hit: (u, v) => roundRect(u, v, 0.04, 0.04, 0.96, 0.96, 0.18) },
    { color: [255, 255, 255], hit: (u, v) => roundRect(u, v, 0.22, 0.16, 0.78, 0.84, 0.04) },
    ...[0.3, 0.42, 0.54, 0.66].map((y) => ({ color: [120, 144, 176], hit: (u, v) => roundRect(u, v, 0.3, y, 0.7, y + 0.05, 0.02) })),
    { color: [120, 144, 176], hit: (u, v) => roundRect(u, v, 0.42, 0.28, 0.45, 0.73, 0.01) },
    { color: [46, 160, 67], hit: (u, v) => segment(u, v, 0.5, 0.72, 0.6, 0.82, 0.075) || segment(u, v, 0.6, 0.82, 0.82, 0.56, 0.075) },
  ];
  const S = 4;
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      let r = 0,
        g = 0,
        b = 0,
        a = 0;
      for (let sy = 0; sy < S; sy++) {
        for (let sx = 0; sx < S; sx++) {
          const u = (x + (sx + 0.5) / S) / size;
          const v = (y + (sy + 0.5) / S) / size;
          let c = null;
          for (const s of shapes) if (s.hit(u, v)) c = s.color;
          if (c) [r, g, b, a] = [r + c[0], g + c[1], b + c[2], a + 1];
        }
      }
      const i = (y * size + x) * 4;
      if (a) [px[i], px[i + 1], px[i + 2]] = [Math.round(r / a), Math.round(g / a), Math.round(b / a)];
      px[i + 3] = Math.round((255 * a) / (S * S));
    }
  }
  return px;
}

const CRC = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf) {
  let c = 0xffffffff;
  for (const byte of buf) c = CRC[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}
function png(size) {
  const rgba = draw(size);
  const rows = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) rgba.copy(rows, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', zlib.deflateSync(rows, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}
function ico(sizes) {
  const images = sizes.map(png);
  const header = Buffer.alloc(6 + 16 * sizes.length);
  header.writeUInt16LE(1, 2); // type: icon
  header.writeUInt16LE(sizes.length, 4);
  let offset = header.length;
  sizes.forEach((size, i) => {
    const e = 6 + 16 * i;
    header[e] = size >= 256 ? 0 : size; // 0 means 256
    header[e + 1] = size >= 256 ? 0 : size;
    header.writeUInt16LE(1, e + 4); // planes
    header.writeUInt16LE(32, e + 6); // bits per pixel
    header.writeUInt32LE(images[i].length, e + 8);
    header.writeUInt32LE(offset, e + 12);
    offset += images[i].length;
  });
  return Buffer.concat([header, ...images]);
}

fs.mkdirSync(out, { recursive: true });
fs.writeFileSync(path.join(out, 'icon.png'), png(1024));
fs.writeFileSync(path.join(out, 'icon.ico'), ico([256, 48, 32, 16]));
process.stdout.write(`wrote ${path.join(out, 'icon.png')} and icon.ico\n`);
