/** The language is this device's setting in the store (what an older version left in localStorage is moved in once); the profile in use is the tab's (sessionStorage), and the device-wide one an earlier version kept is dropped. */
import { describe, expect, it } from 'vitest';
import { readPreferences, saveCurrentProfile, saveLanguage } from '../../../src/store/preferences';
import { open } from './helpers';

function pageStorage(items: Record<string, string> = {}) {
  const m = new Map(Object.entries(items));
  return { getItem: (k: string) => m.get(k) ?? null, setItem: (k: string, v: string) => void m.set(k, v), removeItem: (k: string) => void m.delete(k), has: (k: string) => m.has(k) };
}

describe('preferences', () => {
  it("an older version's language (localStorage) is moved into the store once, then read from there", async () => {
    const { store, factory } = await open('indexeddb', { journal: null });
    const local = pageStorage({ 'salle-blanche.lang': 'en', other: 'x' });
    expect(await readPreferences(store, { local })).toEqual({ lang: 'en' });
    expect(local.has('salle-blanche.lang')).toBe(false);
    expect(local.has('other')).toBe(true);
    await store.close();

    // the next visit reads it from the store
    const again = (await open('indexeddb', { factory, journal: null })).store;
    expect(await readPreferences(again, { local: pageStorage() })).toEqual({ lang: 'en' });
    await saveLanguage(again, 'fr');
    expect(await readPreferences(again)).toEqual({ lang: 'fr' });
    // it belongs to the device: never in a backup
    const file = await again.exportAll();
    expect(JSON.stringify(file)).not.toContain('device.');
  });

  it("the profile in use is the tab's: a reload of the tab keeps it, a new tab (or browser) starts with none", async () => {
    const { store } = await open('indexeddb', { journal: null });
    const tab = pageStorage();
    saveCurrentProfile(tab, 'ana-id');
    expect(await readPreferences(store, { session: tab })).toEqual({ profileId: 'ana-id' });
    expect(await readPreferences(store, { session: pageStorage() })).toEqual({});
    saveCurrentProfile(tab, null);
    expect(await readPreferences(store, { session: tab })).toEqual({});
  });

  it('the profile an earlier version kept for the whole device is dropped: a shared tablet opens on the profile list', async () => {
    const { store } = await open('indexeddb', { journal: null });
    await store.setSetting('device.profile', 'ana-id');
    expect(await readPreferences(store, { session: pageStorage() })).toEqual({});
    expect(await store.getSetting('device.profile')).toBeUndefined();
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
