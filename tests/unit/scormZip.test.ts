/**
 * The zip writer the SCORM packages are made with opens in other tools
 * (Python's zipfile, which checks every CRC) with the names and bytes put
 * in, deflated where that is smaller; and it reads back what it wrote.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { crc32, unzip, zip } from '../../src/lms/zip';

const work = mkdtempSync(join(tmpdir(), 'scorm-zip-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const text = (s: string) => new TextEncoder().encode(s);

/** What Python's zipfile reads in the archive: [name, size, compression method] each, after testing every entry's CRC. */
function pythonReads(bytes: Uint8Array): { bad: string | null; entries: [string, number, number][] } {
  const file = join(work, `t${Math.random().toString(36).slice(2)}.zip`);
  writeFileSync(file, bytes);
  const r = spawnSync('python3', ['-c', 'import json,sys,zipfile\nz=zipfile.ZipFile(sys.argv[1])\nprint(json.dumps({"bad":z.testzip(),"entries":[[i.filename,i.file_size,i.compress_type] for i in z.infolist()]}))', file], { encoding: 'utf8' });
  expect(r.error, 'python3 is needed to open the zip with another tool').toBeUndefined();
  expect(r.stderr).toBe('');
  return JSON.parse(r.stdout) as { bad: string | null; entries: [string, number, number][] };
}

describe('the zip writer', () => {
  it('computes the standard CRC-32', () => {
    // the check value of CRC-32/ISO-HDLC
    expect(crc32(text('123456789'))).toBe(0xcbf43926);
    expect(crc32(new Uint8Array())).toBe(0);
  });

  it('writes a zip that another tool opens, with every name, folder and size, and reads it back', async () => {
    const big = text('<manifest>'.padEnd(5000, ' x') + '</manifest>');
    const random = crypto.getRandomValues(new Uint8Array(3000)); // does not deflate
    const entries = [
      { path: 'imsmanifest.xml', data: big },
      { path: 'assets/index-AbC.js', data: text('console.log("é")') },
      { path: 'icons/icône 192.png', data: random },
      { path: 'vide.txt', data: new Uint8Array() },
    ];
    const bytes = await zip(entries, { date: new Date(2026, 11, 2, 10, 30) });
    const seen = pythonReads(bytes);
    expect(seen.bad).toBeNull();
    expect(seen.entries).toEqual([
      ['imsmanifest.xml', big.length, 8], // text: deflated
      ['assets/index-AbC.js', 17, 0], // 16 characters, é in two bytes: smaller stored than deflated
      ['icons/icône 192.png', 3000, 0],
      ['vide.txt', 0, 0],
    ]);
    expect(bytes.length).toBeLessThan(big.length);
    const back = await unzip(bytes);
    expect(back.map((e) => e.path)).toEqual(entries.map((e) => e.path));
    back.forEach((e, i) => expect(Buffer.from(e.data).equals(Buffer.from(entries[i]!.data))).toBe(true));
  });

  it('stores every entry when asked, and refuses paths that would leave the folder', async () => {
    const seen = pythonReads(await zip([{ path: 'a/b.txt', data: text('aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa') }], { compress: false }));
    expect(seen.entries).toEqual([['a/b.txt', 32, 0]]);
    for (const path of ['/etc/passwd', '../x', 'a/../../x', 'C:/x', '']) await expect(zip([{ path, data: text('x') }])).rejects.toThrow(/relative path/);
    await expect(zip([{ path: 'a', data: text('1') }, { path: 'a', data: text('2') }])).rejects.toThrow(/Twice/);
  });

  it('says a damaged zip is damaged', async () => {
    const bytes = await zip([{ path: 'a.txt', data: text('hello hello hello hello hello') }], { compress: false });
    const damaged = bytes.slice();
    damaged[32 + 5] = damaged[32 + 5]! ^ 0xff; // a byte of the content (after the 30-byte header and the 5-byte name)
    await expect(unzip(damaged)).rejects.toThrow(/CRC-32/);
    await expect(unzip(text('not a zip at all, but long enough to search'))).rejects.toThrow(/Not a zip/);
  });
});
