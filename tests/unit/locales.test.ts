import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import en from '../../locales/en/common.json';
import fr from '../../locales/fr/common.json';
import { DECISION_TITLE } from '../../src/engine/ending';
import { detectLanguage } from '../../src/i18n';

type Tree = { [k: string]: string | Tree };
const keys = (tree: Tree, prefix = ''): string[] =>
  Object.entries(tree).flatMap(([k, v]) => (typeof v === 'string' ? [`${prefix}${k}`] : keys(v, `${prefix}${k}.`)));
const get = (tree: Tree, key: string) => key.split('.').reduce<string | Tree | undefined>((t, k) => (typeof t === 'object' ? t[k] : undefined), tree);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? sourceFiles(p) : p.endsWith('.ts') ? [p] : [];
  });
}

describe('translations', () => {
  it('French and English have exactly the same keys, none empty', () => {
    const f = keys(fr as Tree).sort();
    const e = keys(en as Tree).sort();
    expect(f.filter((k) => !e.includes(k))).toEqual([]);
    expect(e.filter((k) => !f.includes(k))).toEqual([]);
    for (const k of f) {
      expect((get(fr as Tree, k) as string).trim(), `fr ${k}`).not.toBe('');
      expect((get(en as Tree, k) as string).trim(), `en ${k}`).not.toBe('');
    }
  });

  it('every key the code asks for exists in both languages', () => {
    const src = resolve(import.meta.dirname, '../../src');
    const used = new Set<string>();
    for (const file of sourceFiles(src)) {
      for (const m of readFileSync(file, 'utf8').matchAll(/\bt\(\s*'([a-zA-Z0-9_.]+)'/g)) used.add(m[1]!);
    }
    expect(used.size).toBeGreaterThan(50);
    const missing = [...used].filter((k) => typeof get(fr as Tree, k) !== 'string' || typeof get(en as Tree, k) !== 'string');
    expect(missing).toEqual([]);
    // keys built at run time: modes, categories, severities, stages
    for (const k of ['mode.discovery', 'mode.training', 'mode.assessment', 'category.sequence', 'category.aseptic', 'category.documentation', 'category.safety', 'category.process', 'category.deviation', 'play.faultStage.raised', 'play.faultStage.contained', 'play.faultStage.documented',
      // a record field's messages, placeholder and label, by the entry's kind (playScreen.ts field, readField)
      'play.numberMissing', 'play.numberInvalid', 'play.textMissing', 'play.dateMissing', 'play.dateInvalid', 'play.timeMissing', 'play.timeInvalid',
      'record.format.date', 'record.format.time', 'record.kind.text', 'record.kind.date', 'record.kind.time']) {
      expect(typeof get(fr as Tree, k), k).toBe('string');
      expect(typeof get(en as Tree, k), k).toBe('string');
    }
  });

  it('French is the default for a French browser, English otherwise, and a saved choice wins', () => {
    expect(detectLanguage(null, ['fr-FR', 'en'])).toBe('fr');
    expect(detectLanguage(null, ['fr-CA'])).toBe('fr');
    expect(detectLanguage(null, ['en-GB', 'fr'])).toBe('en');
    expect(detectLanguage(null, ['de-DE'])).toBe('en');
    expect(detectLanguage('fr', ['en-US'])).toBe('fr');
    expect(detectLanguage('en', ['fr-FR'])).toBe('en');
  });
});

describe("a decision's name", () => {
  it('is the same in the log and debrief (the engine) as in the results and the CSV (the locales), in both languages', () => {
    for (const d of ['hold', 'reject'] as const) {
      expect(get(fr as Tree, `ending.${d}`), `fr ${d}`).toBe(DECISION_TITLE[d].fr);
      expect(get(en as Tree, `ending.${d}`), `en ${d}`).toBe(DECISION_TITLE[d].en);
    }
  });
});
