/**
 * i18next set-up: French and English resources bundled from locales/, the
 * language chosen from the saved setting, else the browser (French when the
 * browser is French, English otherwise), and Intl formatting helpers.
 */
import i18next from 'i18next';
import en from '../../locales/en/common.json';
import fr from '../../locales/fr/common.json';
import type { Lang, Localized } from '../engine/types';
import { formatNumberIn, unitIn } from '../engine/unit';

export const resources = { fr: { common: fr }, en: { common: en } } as const;

export function detectLanguage(saved?: string | null, browser: readonly string[] = globalThis.navigator?.languages ?? []): Lang {
  if (saved === 'fr' || saved === 'en') return saved;
  return browser[0]?.toLowerCase().startsWith('fr') ? 'fr' : browser.length ? 'en' : 'fr';
}

export async function initI18n(lang: Lang) {
  await i18next.init({ lng: lang, fallbackLng: false, defaultNS: 'common', resources, interpolation: { escapeValue: false }, returnNull: false });
  return i18next;
}

/**
 * Pseudo-locale for tests (`?pseudo=1`): every translated text is wrapped in
 * ⟦…⟧ and a missing key shows as ‼key, so a page scan finds any visible text
 * that does not come from the translations. (Turned off again in kiosk mode, which ignores the page's parameters.)
 */
let pseudo = false;
export function enablePseudoLocale(on = true) {
  pseudo = on;
}
const mark = (s: string) => (pseudo ? `⟦${s}⟧` : s);

export const t = (key: string, options?: Record<string, unknown>): string => {
  if (pseudo && !i18next.exists(key)) return `‼${key}`;
  return mark(i18next.t(key, options) as string);
};

export function lang(): Lang {
  return i18next.language === 'en' ? 'en' : 'fr';
}

export async function setLanguage(l: Lang) {
  await i18next.changeLanguage(l);
  document.documentElement.lang = l;
}

/** A scenario's unit as the current language writes it (UFC → CFU). */
export const unitShown = (unit: string | undefined): string => unitIn(unit, lang());

/** A scenario text in the current language. */
export const tr = (text: Localized | undefined): string => (text ? mark(text[lang()]) : '');

export const formatNumber = (n: number, decimals?: number): string => formatNumberIn(n, lang(), decimals);

/** Simulated minutes as h:mm. */
export function formatClock(minutes: number): string {
  const m = Math.round(minutes);
  return `${Math.floor(m / 60)} h ${String(m % 60).padStart(2, '0')}`;
}

export function formatList(items: string[]): string {
  return new Intl.ListFormat(lang(), { style: 'short', type: 'conjunction' }).format(items);
}
