/** The language and the profile in use are this device's settings in the store; what an older version left in localStorage / sessionStorage is moved in once. */
import { describe, expect, it } from 'vitest';
import { readPreferences, saveCurrentProfile, saveLanguage } from '../../../src/store/preferences';
import { open } from './helpers';

function pageStorage(items: Record<string, string> = {}) {
  const m = new Map(Object.entries(items));
  return { getItem: (k: string) => m.get(k) ?? null, removeItem: (k: string) => void m.delete(k), has: (k: string) => m.has(k) };
}

describe('preferences', () => {
  it("an older version's language (localStorage) and profile (sessionStorage) are moved into the store once, then read from there", async () => {
    const { store, factory } = await open('indexeddb', { journal: null });
    const local = pageStorage({ 'salle-blanche.lang': 'en', other: 'x' });
    const session = pageStorage({ 'salle-blanche.profile': 'ana-id' });
    expect(await readPreferences(store, { local, session })).toEqual({ lang: 'en', profileId: 'ana-id' });
    expect(local.has('salle-blanche.lang')).toBe(false);
    expect(session.has('salle-blanche.profile')).toBe(false);
    expect(local.has('other')).toBe(true);
    await store.close();

    // the next visit reads them from the store
    const again = (await open('indexeddb', { factory, journal: null })).store;
    expect(await readPreferences(again, { local: pageStorage(), session: pageStorage() })).toEqual({ lang: 'en', profileId: 'ana-id' });
    // a change is kept; no profile in use is kept too
    await saveLanguage(again, 'fr');
    await saveCurrentProfile(again, null);
    expect(await readPreferences(again)).toEqual({ lang: 'fr' });
    // they belong to the device: never in a backup
    const file = await again.exportAll();
    expect(JSON.stringify(file)).not.toContain('device.');
  });

  it('a value in the store wins over a stale old one; nonsense is ignored', async () => {
    const { store } = await open('indexeddb', { journal: null });
    await saveLanguage(store, 'fr');
    expect(await readPreferences(store, { local: pageStorage({ 'salle-blanche.lang': 'en' }), session: pageStorage({ 'salle-blanche.profile': '' }) })).toEqual({ lang: 'fr' });
    const other = (await open('indexeddb', { journal: null })).store;
    expect(await readPreferences(other, { local: pageStorage({ 'salle-blanche.lang': 'klingon' }) })).toEqual({});
  });

  it('a store in memory (private browsing) leaves the old value where it is, to read it again next time', async () => {
    const { store } = await open('memory');
    const local = pageStorage({ 'salle-blanche.lang': 'en' });
    expect(await readPreferences(store, { local })).toEqual({ lang: 'en' });
    expect(local.has('salle-blanche.lang')).toBe(true);
  });
});
