/**
 * This device's preferences — the interface language and the profile in use
 * — kept in the store as device settings (`device.`: never in a backup,
 * never taken from one). A value an older version of the app left in the
 * page's storage (localStorage for the language, sessionStorage for the
 * profile) is moved into the store once, then removed from there.
 */
import type { Lang } from '../engine/types';
import type { SettingStore } from './settingStore';

export const LANG_SETTING = 'device.lang';
export const PROFILE_SETTING = 'device.profile';

/** Where the older app kept them. */
const LEGACY = { lang: 'salle-blanche.lang', profile: 'salle-blanche.profile' } as const;

export interface Preferences {
  lang?: Lang;
  profileId?: string;
}

type PageStorage = Pick<Storage, 'getItem' | 'removeItem'>;

export interface LegacyStorage {
  local?: PageStorage | null;
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
 * The preferences, with the older app's values moved in once: a value in the
 * store wins; an old one is written to the store, and removed from the page's
 * storage only when the store keeps it (a store in memory keeps reading it).
 */
export async function readPreferences(store: SettingStore & { readonly persistent: boolean }, legacy: LegacyStorage = {}): Promise<Preferences> {
  const read = async (setting: string, storage: PageStorage | null | undefined, key: string, check: (v: unknown) => string | undefined) => {
    const saved = check(await store.getSetting(setting).catch(() => undefined));
    const old = check(take(storage, key));
    if (old !== undefined && saved === undefined) {
      const moved = await store.setSetting(setting, old).then(() => true, () => false);
      if (moved && store.persistent) drop(storage, key);
      return old;
    }
    if (old !== undefined && store.persistent) drop(storage, key);
    return saved;
  };
  const lang = asLang(await read(LANG_SETTING, legacy.local, LEGACY.lang, asLang));
  const profileId = await read(PROFILE_SETTING, legacy.session, LEGACY.profile, asId);
  return { ...(lang ? { lang } : {}), ...(profileId ? { profileId } : {}) };
}

/** Keeps the language chosen on this device; a failure only loses the choice for the next visit. */
export function saveLanguage(store: SettingStore, lang: Lang): Promise<void> {
  return store.setSetting(LANG_SETTING, lang).catch(() => undefined);
}

/** Keeps the profile in use on this device (null: none, the next visit starts at the profile list). */
export function saveCurrentProfile(store: SettingStore, profileId: string | null): Promise<void> {
  return (profileId ? store.setSetting(PROFILE_SETTING, profileId) : store.deleteSetting(PROFILE_SETTING)).catch(() => undefined);
}
