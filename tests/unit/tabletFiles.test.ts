/**
 * Tablet exports (src/app/tabletFiles.ts): a file named after the tablet and
 * the second it was made, so two tablets exported in the same minute never
 * share a name; and, on the instructor's device, one line per tablet saying
 * when its data was last collected.
 */
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { cleanTabletName, exportTablet, importTabletFiles, setTabletName, tabletFileName, tabletImports, withImport } from '../../src/app/tabletFiles';
import { openStore } from '../../src/store';

describe('tablet export files', () => {
  it('are named after the tablet and the local time to the second', () => {
    expect(tabletFileName('Salle 2 — Tablette été', new Date(2026, 11, 2, 14, 5, 9))).toBe('salle-blanche-tablette-salle-2-tablette-ete-2026-12-02-14h05m09.json');
    // the same minute, another second, another tablet: three different names
    const names = new Set([tabletFileName('A', new Date(2026, 11, 2, 14, 5, 9)), tabletFileName('A', new Date(2026, 11, 2, 14, 5, 10)), tabletFileName('B', new Date(2026, 11, 2, 14, 5, 9))]);
    expect(names.size).toBe(3);
    // a tablet without a name still gets the time
    expect(tabletFileName('  ', new Date(2026, 0, 5, 8, 0, 0))).toBe('salle-blanche-tablette-2026-01-05-08h00m00.json');
  });

  it('a name is tidied and kept short', () => {
    expect(cleanTabletName('  Tablette   3 ')).toBe('Tablette 3');
    expect(cleanTabletName('x'.repeat(60))).toHaveLength(40);
  });

  it('one line per tablet, its newest export kept', () => {
    const a1 = { tablet: 'A', exportedAt: '2026-12-02T10:00:00.000Z', importedAt: '2026-12-02T10:30:00.000Z' };
    const b1 = { tablet: 'B', exportedAt: '2026-12-02T10:05:00.000Z', importedAt: '2026-12-02T10:31:00.000Z' };
    const a2 = { tablet: 'A', exportedAt: '2026-12-02T11:00:00.000Z', importedAt: '2026-12-02T11:10:00.000Z' };
    expect(withImport(withImport(withImport([], a1), b1), a2)).toEqual([a2, b1]);
    // the older file of A imported again afterwards does not hide the newer one
    expect(withImport([a2, b1], { ...a1, importedAt: '2026-12-02T12:00:00.000Z' })).toEqual([a2, b1]);
  });

  it("carries the tablet's name, and the instructor's device remembers when it imported it", async () => {
    const tablet = await openStore({ name: `tablet-${Math.random()}` });
    await setTabletName(tablet, ' Tablette  1 ');
    const file = await exportTablet(tablet);
    expect(file.tablet).toBe('Tablette 1');
    const laptop = await openStore({ name: `laptop-${Math.random()}` });
    const at = new Date('2026-12-02T11:20:00.000Z');
    const [report] = await importTabletFiles(laptop, [{ name: 'f.json', text: JSON.stringify(file) }], at);
    expect(report!.result.ok).toBe(true);
    expect(await tabletImports(laptop)).toEqual([{ tablet: 'Tablette 1', exportedAt: file.exportedAt, importedAt: '2026-12-02T11:20:00.000Z' }]);
    // the name is the tablet's own: an import never renames the instructor's device
    expect(await laptop.getSetting('instructor.tabletName')).toBeUndefined();
  });
});
