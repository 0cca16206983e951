/**
 * A small zip writer and reader, the same in Node (the CLI, the tests) and in
 * the browser (the instructor area's "Exporter en SCORM"): entries deflated
 * with the platform's `CompressionStream('deflate-raw')` where it exists
 * (Chromium, Firefox, Safari 16.4+, Node 20), stored otherwise or when
 * deflating does not make them smaller; CRC-32 computed here; file names in
 * UTF-8. No zip64: a SCORM package is a few megabytes.
 */

export interface ZipEntry {
  /** Relative path inside the archive, '/' between folders. */
  path: string;
  data: Uint8Array;
}

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

/** The CRC-32 (IEEE 802.3) of the bytes, as zip files keep it. */
export function crc32(data: Uint8Array): number {
  let c = 0xffffffff;
  for (let i = 0; i < data.length; i++) c = CRC_TABLE[(c ^ data[i]!) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

type Format = 'deflate-raw';

async function through(data: Uint8Array, stream: TransformStream<Uint8Array, Uint8Array>): Promise<Uint8Array> {
  const out = new Response(new Blob([data as BlobPart]).stream().pipeThrough(stream));
  return new Uint8Array(await out.arrayBuffer());
}

/** Raw deflate (RFC 1951) by the platform, or null where it has none. */
export async function deflateRaw(data: Uint8Array): Promise<Uint8Array | null> {
  if (typeof CompressionStream === 'undefined') return null;
  let stream: CompressionStream;
  try {
    stream = new CompressionStream('deflate-raw' as Format);
  } catch {
    return null;
  }
  return through(data, stream as unknown as TransformStream<Uint8Array, Uint8Array>);
}

/** What deflateRaw made, back. */
export async function inflateRaw(data: Uint8Array): Promise<Uint8Array> {
  if (typeof DecompressionStream === 'undefined') throw new Error('This browser cannot read a compressed zip entry (no DecompressionStream).');
  return through(data, new DecompressionStream('deflate-raw' as Format) as unknown as TransformStream<Uint8Array, Uint8Array>);
}

/** MS-DOS time and date, as zip headers keep them (local time, 2-second steps, from 1980). */
function dosDateTime(d: Date): { time: number; date: number } {
  const year = Math.max(1980, d.getFullYear());
  return {
    time: (d.getHours() << 11) | (d.getMinutes() << 5) | Math.floor(d.getSeconds() / 2),
    date: ((year - 1980) << 9) | ((d.getMonth() + 1) << 5) | d.getDate(),
  };
}

function checkPath(path: string): string {
  const p = path.replace(/\\/g, '/');
  if (!p || p.startsWith('/') || /^[A-Za-z]:/.test(p) || p.split('/').some((s) => s === '..' || s === '')) throw new Error(`Not a relative path for a zip entry: "${path}"`);
  return p;
}

export interface ZipOptions {
  /** Deflate where the platform can (default true); false stores every entry. */
  compress?: boolean;
  /** The entries' modification time (default now). */
  date?: Date;
}

/** The bytes of a zip archive holding the entries, in their order. */
export async function zip(entries: readonly ZipEntry[], options: ZipOptions = {}): Promise<Uint8Array> {
  const { time, date } = dosDateTime(options.date ?? new Date());
  const encoder = new TextEncoder();
  const locals: Uint8Array[] = [];
  const centrals: Uint8Array[] = [];
  let offset = 0;
  const seen = new Set<string>();
  for (const entry of entries) {
    const path = checkPath(entry.path);
    if (seen.has(path)) throw new Error(`Twice the same path in a zip: "${path}"`);
    seen.add(path);
    const name = encoder.encode(path);
    const crc = crc32(entry.data);
    const deflated = options.compress === false ? null : await deflateRaw(entry.data);
    const useDeflate = deflated !== null && deflated.length < entry.data.length;
    const body = useDeflate ? deflated : entry.data;
    if (body.length > 0xfffffffe || offset > 0xfffffffe) throw new Error('A zip over 4 GB needs zip64, which this writer does not make.');
    const method = useDeflate ? 8 : 0;
    const local = new Uint8Array(30 + name.length);
    const lv = new DataView(local.buffer);
    lv.setUint32(0, 0x04034b50, true);
    lv.setUint16(4, 20, true); // version needed: 2.0 (deflate)
    lv.setUint16(6, 0x0800, true); // flags: names in UTF-8
    lv.setUint16(8, method, true);
    lv.setUint16(10, time, true);
    lv.setUint16(12, date, true);
    lv.setUint32(14, crc, true);
    lv.setUint32(18, body.length, true);
    lv.setUint32(22, entry.data.length, true);
    lv.setUint16(26, name.length, true);
    lv.setUint16(28, 0, true);
    local.set(name, 30);
    const central = new Uint8Array(46 + name.length);
    const cv = new DataView(central.buffer);
    cv.setUint32(0, 0x02014b50, true);
    cv.setUint16(4, 0x0314, true); // made by: Unix, 2.0 (so permissions below are read)
    cv.setUint16(6, 20, true);
    cv.setUint16(8, 0x0800, true);
    cv.setUint16(10, method, true);
    cv.setUint16(12, time, true);
    cv.setUint16(14, date, true);
    cv.setUint32(16, crc, true);
    cv.setUint32(20, body.length, true);
    cv.setUint32(24, entry.data.length, true);
    cv.setUint16(28, name.length, true);
    cv.setUint32(38, (0o100644 << 16) >>> 0, true); // a regular file, rw-r--r--
    cv.setUint32(42, offset, true);
    central.set(name, 46);
    locals.push(local, body);
    centrals.push(central);
    offset += local.length + body.length;
  }
  if (entries.length > 0xffff) throw new Error('A zip of more than 65,535 files needs zip64, which this writer does not make.');
  const centralSize = centrals.reduce((n, c) => n + c.length, 0);
  const end = new Uint8Array(22);
  const ev = new DataView(end.buffer);
  ev.setUint32(0, 0x06054b50, true);
  ev.setUint16(8, entries.length, true);
  ev.setUint16(10, entries.length, true);
  ev.setUint32(12, centralSize, true);
  ev.setUint32(16, offset, true);
  const out = new Uint8Array(offset + centralSize + end.length);
  let at = 0;
  for (const part of [...locals, ...centrals, end]) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

/** The entries of a zip archive (stored or deflated), each checked against its CRC-32. */
export async function unzip(bytes: Uint8Array): Promise<ZipEntry[]> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let endAt = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      endAt = i;
      break;
    }
  }
  if (endAt < 0) throw new Error('Not a zip file: no end of central directory.');
  const count = view.getUint16(endAt + 10, true);
  let at = view.getUint32(endAt + 16, true);
  const decoder = new TextDecoder();
  const out: ZipEntry[] = [];
  for (let n = 0; n < count; n++) {
    if (view.getUint32(at, true) !== 0x02014b50) throw new Error('Damaged zip: a central directory entry is missing.');
    const method = view.getUint16(at + 10, true);
    const crc = view.getUint32(at + 16, true);
    const size = view.getUint32(at + 20, true);
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    const localAt = view.getUint32(at + 42, true);
    const path = decoder.decode(bytes.subarray(at + 46, at + 46 + nameLength));
    at += 46 + nameLength + extraLength + commentLength;
    if (view.getUint32(localAt, true) !== 0x04034b50) throw new Error(`Damaged zip: no local header for "${path}".`);
    const start = localAt + 30 + view.getUint16(localAt + 26, true) + view.getUint16(localAt + 28, true);
    const body = bytes.subarray(start, start + size);
    const data = method === 0 ? body.slice() : method === 8 ? await inflateRaw(body) : null;
    if (!data) throw new Error(`"${path}" is compressed by a method this reader does not know (${method}).`);
    if (crc32(data) !== crc) throw new Error(`Damaged zip: "${path}" does not match its CRC-32.`);
    out.push({ path, data });
  }
  return out;
}
