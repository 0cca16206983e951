/** One document of the guide in the index. */
export interface RefDocument {
  /** As cited: "Part I", "Annex 1", "Annex 2B". */
  title: string;
  /** The text file it was read from. */
  file: string;
  /** Every paragraph (and section heading) number, in the order of the text: "4.20", "51", "B5.1". */
  paragraphs: string[];
  /** The chapters (first part of the paragraph numbers). */
  chapters: string[];
  /** The lettered or roman items of a paragraph: {"4.20": ["a", "b", …]}. */
  items: Record<string, string[]>;
  /** Each table and the paragraph it sits in: {"4": "8.10"}. */
  tables: Record<string, string>;
  glossary: boolean;
}

export interface RefIndex {
  source: string;
  documents: Record<string, RefDocument>;
}

/**
 * Citations of the EU GMP guide (PIC/S PE 009-17) in free text, and their
 * check against the index of its paragraphs (pe009-17.json, written by
 * `npm run refs:index`).
 *
 * How a text is read, left to right, a sentence at a time:
 *  - a document's name sets the document the following § refer to: "Part I",
 *    "partie II", "ICH Q7" (= Part II), "Annex 1", "annexe 1", "Annex 2A"
 *    (advanced therapies), "Annex 2B" and "Annex 2" (biological substances
 *    and products, Annex 2B of PE 009-17), "Annex 15"…;
 *  - another source's name (ICH Q9, PIC/S PI 041, WHO/OMS, ASTM, ISO, USP,
 *    PDA, Ph. Eur., a project file such as GMP-REFERENCE.md) sets a document
 *    that is not checked: its § are its own;
 *  - "§4.20", "§§ 4.7–4.9", "paragraph 8.10", "paragraphe 4.4", with a range
 *    (both ends checked), an item ("§4.20 b", "§1.4 (xiv)") and the further
 *    paragraphs of a list written without their § ("§8.10, 8.86 and 8.138");
 *  - "ch. 5", "chapter 5", "chapitre 5": the chapter must exist and hold the
 *    § that follow it; "Table 4" must exist, and right after a § ("§8.10
 *    Table 4") must be the table of that paragraph; "glossary"/"glossaire":
 *    the document must have one;
 *  - a sentence ends at ". ", "! ", "? " before a capital, or a line break;
 *    a § with no document named before it in its sentence is ambiguous and
 *    reported as such (the check does not guess).
 */
import type { Localized } from '../types';
import pe009 from './pe009-17.json' with { type: 'json' };

export const PE009: RefIndex = pe009;

/** What a citation points at, once read. */
export interface Citation {
  /** The index's id ("annex1"), or null when the sentence names no document. */
  doc: string | null;
  /** The citation as written, from the document's name ("Annex 1 §8.10 Table 4"). */
  text: string;
  /** The paragraph numbers cited (a range gives both ends). */
  paragraphs: string[];
  item?: string;
  table?: string;
  chapter?: string;
  glossary?: boolean;
}

export interface CitationProblem {
  /** The citation as written. */
  citation: string;
  /** What is wrong, in both languages (the instructor's tablet import shows it in theirs). */
  message: Localized;
}

const PARA = String.raw`B?\d{1,3}(?:\.\d{1,3}){0,3}`;
/** A further paragraph of a list written without its own § ("§8.10, 8.86 and 8.138"): dotted, and not a measure ("§8.18, 36.5 °C"). */
const MORE = String.raw`\d{1,3}\.\d{1,3}(?:\.\d{1,3})?(?![\d.]|\s?(?:°|%|[µm]?[mL]\b|bar|kGy|Pa\b|min|h\b|s\b))`;
const TOKEN = new RegExp(
  [
    String.raw`(?<brk>[.!?](?=\s+[A-ZÀ-Ý«“"])|\n)`,
    String.raw`(?<part>\b(?:[Pp]art(?:ie)?|PART)\s+(?<partNo>II|I|2|1)\b)`,
    String.raw`(?<q7>\bICH\s?Q7\b)`,
    String.raw`(?<annex>\b[Aa]nnexe?\s+(?<annexNo>\d{1,2}[AB]?)\b)`,
    String.raw`(?<other>\bICH\s?[QEMS]\d|\bPI\s?0\d\d|\bWHO\b|\bOMS\b|\bASTM\b|\bISO\b|\bUSP\b|\bPDA\b|\bPh\.?\s?Eur\b|\bCFR\b|\bLEEM\b|\bGMP-REFERENCE\b|\bCAREERS-AND-TRAINING\b|\bCONTENT-REVIEW\b|[\w-]+\.md\b)`,
    String.raw`(?<chap>\b(?:ch\.|chap\.|[Cc]hapter|[Cc]hapitre)\s?(?<chapNo>\d{1,2})\b)`,
    String.raw`(?<gloss>\b[Gg]lossa(?:ry|ire)\b)`,
    String.raw`(?<table>\b[Tt]able(?:au)?\s+(?<tableNo>\d{1,2})\b)`,
    String.raw`(?<para>(?:§§?|\b[Pp]aragraph(?:es|e|s)?\b|\bpara\.)\s?(?<from>${PARA})(?:\s?(?:–|—|-|\bto\b|\bà\b|\bau\b)\s?(?:§\s?)?(?<to>${PARA}))?(?:\s(?:\((?<item>[a-z]|[ivx]{2,6})\)|(?<bare>[a-z]|[ivx]{2,6})(?=[\s,;:)]|$)))?(?<more>(?:\s?(?:,|\band\b|\bet\b|\bor\b|\bou\b)\s?${MORE}(?:\s?[–—-]\s?${MORE})?)*))`,
  ].join('|'),
  'g',
);

/** The index's id for a document's name as written ("Annex 2" is Annex 2B of PE 009-17). */
function docId(m: RegExpExecArray): string {
  const g = m.groups!;
  if (g.q7) return 'part2';
  if (g.part) return g.partNo === 'I' || g.partNo === '1' ? 'part1' : 'part2';
  const n = g.annexNo!.toLowerCase();
  return `annex${n === '2' ? '2b' : n}`;
}

/** Every citation of the guide in a text, in order. */
export function findCitations(text: string, index: RefIndex = PE009): Citation[] {
  const out: Citation[] = [];
  let doc: string | null = null; // '' : another source, not checked
  let docAt = 0;
  let chapter: string | undefined;
  let last: { cite: Citation; end: number } | undefined;
  for (const m of text.matchAll(TOKEN)) {
    const g = m.groups!;
    const at = m.index;
    if (g.brk !== undefined) {
      doc = null;
      chapter = undefined;
      last = undefined;
    } else if (g.part || g.q7 || g.annex) {
      doc = docId(m);
      docAt = at;
      chapter = undefined;
      last = undefined;
      if (!index.documents[doc]) {
        out.push({ doc, text: m[0], paragraphs: [] });
        doc = ''; // its § are not checked again
      }
    } else if (g.other) {
      doc = '';
      chapter = undefined;
      last = undefined;
    } else if (doc === '') {
      continue;
    } else if (g.chap) {
      if (doc === null) continue; // a chapter of nothing named: not a citation of the guide
      chapter = g.chapNo;
      out.push({ doc, text: text.slice(docAt, at + m[0].length), paragraphs: [], chapter });
    } else if (g.gloss) {
      if (doc === null) continue;
      out.push({ doc, text: text.slice(docAt, at + m[0].length), paragraphs: [], glossary: true });
    } else if (g.table) {
      const adjacent = last && /^\s*$/.test(text.slice(last.end, at));
      if (adjacent) {
        last!.cite.table = g.tableNo;
        last!.cite.text = text.slice(docAt, at + m[0].length);
      } else out.push({ doc, text: doc === null ? m[0] : text.slice(docAt, at + m[0].length), paragraphs: [], table: g.tableNo });
    } else if (g.para) {
      const cite: Citation = { doc, text: doc === null ? m[0] : text.slice(docAt, at + m[0].length), paragraphs: g.to ? [g.from!, g.to] : [g.from!] };
      const item = g.item ?? g.bare;
      if (item) cite.item = item;
      if (chapter) cite.chapter = chapter;
      out.push(cite);
      last = { cite, end: at + m[0].length };
      const more = (g.more ?? '').matchAll(/(\d{1,3}(?:\.\d{1,3}){1,2})(?:\s?[–—-]\s?(\d{1,3}(?:\.\d{1,3}){1,2}))?/g);
      for (const [, a, b] of more) out.push({ doc, text: cite.text, paragraphs: b ? [a!, b] : [a!], ...(chapter ? { chapter } : {}) });
    }
  }
  return out;
}

/** Where else a paragraph number exists, to say so in the message. */
function elsewhere(p: string, except: string, index: RefIndex): Localized {
  const found = Object.entries(index.documents).filter(([id, d]) => id !== except && d.paragraphs.includes(p)).map(([, d]) => d.title);
  return found.length ? { en: ` (there is one in ${found.join(', ')})`, fr: ` (il y en a un dans ${found.join(', ')})` } : { en: '', fr: '' };
}

/** "Part I", "Annex 1"… as French writes them ("Partie I", "Annexe 1"). */
const fr = (title: string) => title.replace(/^Part\b/, 'Partie').replace(/^Annex\b/, 'Annexe');

/** What is wrong with one citation, if anything, in both languages. */
export function checkCitation(c: Citation, index: RefIndex = PE009): Localized[] {
  if (c.doc === null) {
    return [{
      en: 'names no document of the guide in its sentence: ambiguous, write the document (e.g. "Annex 1 §8.10", "Part I §4.20")',
      fr: 'ne nomme aucun document du guide dans sa phrase : ambigu, écrivez le document (par ex. « Annexe 1 §8.10 », « Partie I §4.20 »)',
    }];
  }
  const d = index.documents[c.doc];
  if (!d) return [{ en: `PE 009-17 has no ${c.text.trim()}`, fr: `le PE 009-17 n'a pas de ${c.text.trim()}` }];
  const t = d.title;
  const out: Localized[] = [];
  for (const p of c.paragraphs) {
    if (!d.paragraphs.includes(p)) {
      const other = elsewhere(p, c.doc, index);
      out.push({ en: `${t} has no §${p}${other.en}`, fr: `${fr(t)} n'a pas de §${p}${other.fr}` });
    } else if (c.chapter && p.split('.')[0] !== c.chapter) out.push({ en: `§${p} is not in chapter ${c.chapter} of ${t}`, fr: `le §${p} n'est pas dans le chapitre ${c.chapter} de ${fr(t)}` });
  }
  if (c.chapter && !d.chapters.includes(c.chapter)) out.push({ en: `${t} has no chapter ${c.chapter}`, fr: `${fr(t)} n'a pas de chapitre ${c.chapter}` });
  if (c.paragraphs.length === 2) {
    const [a, b] = c.paragraphs.map((p) => d.paragraphs.indexOf(p));
    const [pa, pb] = c.paragraphs;
    if (a! >= 0 && b! >= 0 && a! > b!) out.push({ en: `the range §${pa}–${pb} runs backwards in ${t}`, fr: `l'intervalle §${pa}–${pb} va à rebours dans ${fr(t)}` });
  }
  if (c.item) {
    const p = c.paragraphs[c.paragraphs.length - 1]!;
    if (d.paragraphs.includes(p) && !(d.items[p] ?? []).includes(c.item)) out.push({ en: `§${p} of ${t} has no item ${c.item}`, fr: `le §${p} de ${fr(t)} n'a pas d'alinéa ${c.item}` });
  }
  if (c.table) {
    const where = d.tables[c.table];
    if (where === undefined) out.push({ en: `${t} has no Table ${c.table}`, fr: `${fr(t)} n'a pas de tableau ${c.table}` });
    else if (c.paragraphs.length && !c.paragraphs.includes(where)) {
      const at = c.paragraphs.join('–');
      out.push(where
        ? { en: `Table ${c.table} of ${t} is in §${where}, not in §${at}`, fr: `le tableau ${c.table} de ${fr(t)} est au §${where}, pas au §${at}` }
        : { en: `Table ${c.table} of ${t} is in its introduction, not in §${at}`, fr: `le tableau ${c.table} de ${fr(t)} est dans son introduction, pas au §${at}` });
    }
  }
  if (c.glossary && !d.glossary) out.push({ en: `${t} has no glossary`, fr: `${fr(t)} n'a pas de glossaire` });
  return out;
}

/** Every problem with the citations of a text. */
export function checkCitationsIn(text: string, index: RefIndex = PE009): CitationProblem[] {
  return findCitations(text, index).flatMap((c) => checkCitation(c, index).map((message) => ({ citation: c.text.trim(), message })));
}

/** Every problem with the citations in every string of a JSON value (a scenario, careers.json), with the path of the string ("rules[0].explanation.fr"). */
export function checkCitationsInJson(value: unknown, index: RefIndex = PE009): (CitationProblem & { path: string })[] {
  const out: (CitationProblem & { path: string })[] = [];
  const walk = (v: unknown, path: string) => {
    if (typeof v === 'string') for (const p of checkCitationsIn(v, index)) out.push({ path: path || '(root)', ...p });
    else if (Array.isArray(v)) v.forEach((x, i) => walk(x, `${path}[${i}]`));
    else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(x, path ? `${path}.${k}` : k);
  };
  walk(value, '');
  return out;
}

/**
 * The citation problems of a scenario file as problems of the scenario check
 * (the path of the text, the message in both languages), for the check of a
 * scenario an instructor imports on a tablet, as `npm run scenarios:check`
 * reports them.
 */
export function citationProblems(value: unknown, index: RefIndex = PE009): { path: string; message: Localized }[] {
  return checkCitationsInJson(value, index).map((c) => ({
    path: c.path,
    message: { en: `citation "${c.citation}": ${c.message.en}`, fr: `citation « ${c.citation} » : ${c.message.fr}` },
  }));
}
