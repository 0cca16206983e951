/**
 * The pseudo-locale scan: visible text (and aria-label / title) that the
 * pseudo-locale did not wrap in ⟦…⟧, so it does not come from the
 * translations. Units and lot numbers are the same in every language, and
 * names, ids and paths are marked translate="no": those are allowed.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from '@playwright/test';

function allowedTokens(): string[] {
  const dir = resolve(import.meta.dirname, '../../scenarios');
  const units = new Set<string>();
  for (const f of readdirSync(dir).filter((x) => x.endsWith('.json') && !x.includes('schema'))) {
    const text = readFileSync(resolve(dir, f), 'utf8');
    for (const m of text.matchAll(/"unit":\s*"([^"]+)"/g)) units.add(m[1]!);
  }
  return [...units].sort((a, b) => b.length - a.length);
}

export async function untranslated(page: Page): Promise<string[]> {
  const tokens = allowedTokens();
  const texts = await page.evaluate(() => {
    const out: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement!;
      if (el.closest('select, script, style, noscript, [hidden], [translate="no"]') || !el.checkVisibility()) continue;
      if (n.textContent!.trim()) out.push(n.textContent!.trim());
    }
    for (const el of document.querySelectorAll<HTMLElement>('[aria-label], [title]')) {
      if (el.closest('select, [translate="no"]') || !el.checkVisibility()) continue;
      for (const a of ['aria-label', 'title']) if (el.getAttribute(a)) out.push(el.getAttribute(a)!);
    }
    return out;
  });
  const unwrap = (raw: string) => {
    let s = raw;
    for (let prev = ''; prev !== s; ) [prev, s] = [s, s.replace(/⟦[^⟦⟧]*⟧/g, '')];
    return s;
  };
  return texts.filter((raw) => {
    let rest = unwrap(raw).replace(/\b[A-Z]{1,6}-\d{4}\b/g, '');
    for (const tok of tokens) rest = rest.split(tok).join('');
    return /[A-Za-zÀ-ÿ]{2,}|‼/.test(rest);
  });
}
