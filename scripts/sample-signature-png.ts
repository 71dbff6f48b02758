import { crc32, deflateSync } from 'node:zlib';

/**
 * A made-up handwritten-looking signature as PNG bytes, standing in for one drawn on screen, so the
 * sample PDF shows where the drawn signature goes. Drawn as a few loops along a line into an RGBA
 * bitmap and written as a minimal PNG (IHDR, IDAT, IEND) with node:zlib: no canvas library needed.
 */
export function sampleSignaturePng(width = 360, height = 110): Uint8Array {
  const pixels = Buffer.alloc(width * height * 4);
  const ink = [20, 40, 110] as const;
  const dab = (cx: number, cy: number, radius: number) => {
    for (let y = Math.floor(cy - radius); y <= Math.ceil(cy + radius); y += 1) {
      for (let x = Math.floor(cx - radius); x <= Math.ceil(cx + radius); x += 1) {
        if (x < 0 || y < 0 || x >= width || y >= height) continue;
        const coverage = Math.max(0, Math.min(1, radius + 0.5 - Math.hypot(x - cx, y - cy)));
        const at = (y * width + x) * 4;
        const alpha = Math.max(pixels[at + 3] ?? 0, Math.round(coverage * 255));
        pixels[at] = ink[0];
        pixels[at + 1] = ink[1];
        pixels[at + 2] = ink[2];
        pixels[at + 3] = alpha;
      }
    }
  };
  for (let t = 0; t <= 1; t += 0.0004) {
    const x = 20 + t * (width - 60);
    const y =
      height * 0.55 -
      Math.sin(t * Math.PI * 9) * height * 0.22 * (1 - t * 0.5) -
      Math.cos(t * Math.PI * 3) * 8;
    dab(x + Math.sin(t * Math.PI * 18) * 10, y, 1.6);
  }
  for (let t = 0; t <= 1; t += 0.002) dab(40 + t * (width - 90), height * 0.8 - t * 6, 1.2);

  const rows = Buffer.alloc((width * 4 + 1) * height);
  for (let y = 0; y < height; y += 1)
    pixels.copy(rows, y * (width * 4 + 1) + 1, y * width * 4, (y + 1) * width * 4);
  const chunk = (type: string, data: Buffer) => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const typed = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(typed));
    return Buffer.concat([length, typed, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 6, 0, 0, 0], 8);
  return new Uint8Array(
    Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      chunk('IHDR', header),
      chunk('IDAT', deflateSync(rows)),
      chunk('IEND', Buffer.alloc(0)),
    ]),
  );
}
