/**
 * The preferences: the interface language, this device's, kept in the store
 * as a device setting (`device.`: never in a backup, never taken from one;
 * a value an older version left in localStorage is moved into the store once,
 * then removed from there); and the profile in use, this tab's: kept in the
 * tab's sessionStorage, so a reload mid-procedure resumes the same trainee
 * while closing the tab or the browser brings the next person on a shared
 * tablet to the profile list. The device-wide profile an earlier version kept
 * in the store (`device.profile`) is dropped.
 */
import type { Lang } from '../engine/types';
import type { SettingStore } from './settingStore';

export const LANG_SETTING = 'device.lang';
export const PROFILE_SETTING = 'device.profile';

/** Where the older app kept the language; the tab's profile in use is kept under PROFILE_KEY of the tab's sessionStorage. */
const LEGACY = { lang: 'salle-blanche.lang' } as const;
export const PROFILE_KEY = 'salle-blanche.profile';
/** This device's flag (localStorage) that the first-play guide has been seen: the app writes and reads it, the e2e suite and the bench set it to start past the guide. */
export const GUIDE_SEEN_KEY = 'salle-blanche.guide-seen';

export interface Preferences {
  lang?: Lang;
  profileId?: string;
}

type PageStorage = Pick<Storage, 'getItem' | 'removeItem'>;
export type TabStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

export interface LegacyStorage {
  local?: PageStorage | null;
  /** The tab's sessionStorage, where the profile in use is kept. */
  session?: PageStorage | null;
}

const asLang = (v: unknown): Lang | undefined => (v === 'fr' || v === 'en' ? v : undefined);
const asId = (v: unknown): string | undefined => (typeof v === 'string' && v ? v : undefined);

function take(storage: PageStorage | null | undefined, key: string): string | null {
  try {
    return storage?.getItem(key) ?? null;
  } catch {
    return null;
  }
}

function drop(storage: PageStorage | null | undefined, key: string): void {
  try {
    storage?.removeItem(key);
  } catch {
    /* nothing to clean */
  }
}

/**
 * The preferences, with the older app's language moved in once: a value in
 * the store wins; an old one is written to the store, and removed from the
 * page's storage only when the store keeps it (a store in memory keeps
 * reading it). The profile in use is the tab's (sessionStorage).
 */
export async function readPreferences(store: SettingStore & { readonly persistent: boolean }, legacy: LegacyStorage = {}): Promise<Preferences> {
  const saved = asLang(await store.getSetting(LANG_SETTING).catch(() => undefined));
  const old = asLang(take(legacy.local, LEGACY.lang));
  let lang = saved;
  if (old !== undefined && saved === undefined) {
    const moved = await store.setSetting(LANG_SETTING, old).then(() => true, () => false);
    if (moved && store.persistent) drop(legacy.local, LEGACY.lang);
    lang = old;
  } else if (old !== undefined && store.persistent) drop(legacy.local, LEGACY.lang);
  // an earlier version kept the profile in use for the whole device: a shared tablet must not reopen it
  if ((await store.getSetting(PROFILE_SETTING).catch(() => undefined)) !== undefined) await store.deleteSetting(PROFILE_SETTING).catch(() => undefined);
  const profileId = asId(take(legacy.session, PROFILE_KEY));
  return { ...(lang ? { lang } : {}), ...(profileId ? { profileId } : {}) };
}

/** Keeps the language chosen on this device; a failure only loses the choice for the next visit. */
export function saveLanguage(store: SettingStore, lang: Lang): Promise<void> {
  return store.setSetting(LANG_SETTING, lang).catch(() => undefined);
}

/** Keeps the profile in use for this tab (null: none, a reload starts at the profile list); where the tab keeps nothing, it lasts for the page. */
export function saveCurrentProfile(session: TabStorage | null | undefined, profileId: string | null): void {
  try {
    if (profileId) session?.setItem(PROFILE_KEY, profileId);
    else session?.removeItem(PROFILE_KEY);
  } catch {
    /* private mode: the profile lasts for this page */
  }
}
