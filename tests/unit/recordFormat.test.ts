/**
 * Dates, times and texts as a trainee types them in the batch record
 * (src/ui/recordFormat.ts), in French and English, and how a wrong one is
 * told (judgementText.valuesLine). Expected texts written by hand from the
 * locales and the formats the screen asks for (DD/MM/YYYY, HH:MM).
 */
import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { initI18n, t } from '../../src/i18n';
import { valuesLine } from '../../src/ui/judgementText';
import { parseDate, parseEntry, parseTime, showEntry } from '../../src/ui/recordFormat';

beforeAll(async () => {
  await initI18n('fr');
});

describe('a date typed in the record', () => {
  it('is read day first, in both languages, and kept YYYY-MM-DD', async () => {
    for (const l of ['fr', 'en'] as const) {
      await i18next.changeLanguage(l);
      expect(parseDate('31/03/2027')).toEqual({ ok: true, value: '2027-03-31' });
      expect(parseDate(' 1/4/2027 ')).toEqual({ ok: true, value: '2027-04-01' });
      expect(parseDate('01.04.2027')).toEqual({ ok: true, value: '2027-04-01' });
      expect(parseDate('2027-04-01')).toEqual({ ok: true, value: '2027-04-01' });
    }
  });

  it('refuses what is not one real date, and says when it is empty', () => {
    expect(parseDate('')).toEqual({ ok: false, empty: true });
    for (const bad of ['31/02/2027', '13/13/2027', '31/03/27', '03/31/2027', 'mars 2027', '31/03/2027 12:00']) expect(parseDate(bad), bad).toEqual({ ok: false, empty: false });
  });

  it('is shown DD/MM/YYYY, the placeholder in the language\'s letters', async () => {
    expect(showEntry('date', '2027-03-31')).toBe('31/03/2027');
    await i18next.changeLanguage('fr');
    expect(t('record.format.date')).toBe('JJ/MM/AAAA');
    expect(t('play.dateInvalid', { text: '31/02/2027' })).toBe("« 31/02/2027 » n'est pas une date : écrivez-la JJ/MM/AAAA, par exemple 31/03/2027. Rien n'a été inscrit.");
    await i18next.changeLanguage('en');
    expect(t('record.format.date')).toBe('DD/MM/YYYY');
    expect(t('play.dateInvalid', { text: '31/02/2027' })).toBe('“31/02/2027” is not a date: write it DD/MM/YYYY, for example 31/03/2027. Nothing was recorded.');
  });
});

describe('a time of day typed in the record', () => {
  it('is 24 h, with a colon or the French "h", kept HH:MM', () => {
    expect(parseTime('9:05')).toEqual({ ok: true, value: '09:05' });
    expect(parseTime('14:30')).toEqual({ ok: true, value: '14:30' });
    expect(parseTime('14h30')).toEqual({ ok: true, value: '14:30' });
    expect(parseTime('14 h 30')).toEqual({ ok: true, value: '14:30' });
    expect(parseTime('14h')).toEqual({ ok: true, value: '14:00' });
    expect(parseTime('')).toEqual({ ok: false, empty: true });
    for (const bad of ['24:00', '14:60', '2:30 pm', '1430', '14:3']) expect(parseTime(bad), bad).toEqual({ ok: false, empty: false });
  });
});

describe('a text typed in the record', () => {
  it('is kept trimmed, inner spaces as one; empty is refused', () => {
    expect(parseEntry('text', '  PM-4821 ')).toEqual({ ok: true, value: 'PM-4821' });
    expect(parseEntry('text', 'B  01')).toEqual({ ok: true, value: 'B 01' });
    expect(parseEntry('text', '   ')).toEqual({ ok: false, empty: true });
  });
});

describe('a wrong text or date, told', () => {
  it('names the entry, what was written and what was expected, as the language writes it', async () => {
    const lot = { fr: 'Numéro de lot', en: 'Lot number' };
    const exp = { fr: 'Péremption', en: 'Expiry' };
    await i18next.changeLanguage('fr');
    expect(valuesLine(lot, { written: 'PM-4812', expected: 'PM-4821', kind: 'text' })).toBe('Numéro de lot : écrit « PM-4812 », attendu « PM-4821 »');
    expect(valuesLine(exp, { written: '2027-03-30', expected: '2027-03-31', kind: 'date' })).toBe('Péremption : écrit 30/03/2027, attendu 31/03/2027');
    await i18next.changeLanguage('en');
    expect(valuesLine(exp, { written: '2027-03-30', expected: '2027-03-31', kind: 'date' })).toBe('Expiry: written 30/03/2027, expected 31/03/2027');
  });
});
