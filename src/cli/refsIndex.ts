/**
 * `npm run refs:index [folder]`: reads the text of the EU GMP guide as
 * published by PIC/S (PE 009-17, one .txt file per part) and writes
 * src/engine/refs/pe009-17.json, the paragraph numbers of each document
 * (Part I, Part II, Annex 1, Annex 2A, Annex 2B and the other annexes, split
 * out of the annexes file), the lettered or roman items of each paragraph,
 * the tables and the paragraph each one sits in, and whether the document has
 * a glossary. The index is committed: the citation check
 * (src/engine/refs/citations.ts) runs from any clone without the texts.
 *
 * The folder defaults to ../shared/domain/pics-pe009-17/ from the repository's
 * root; another one is given as the first argument or in PE009_DIR.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import type { RefDocument, RefIndex } from '../engine/refs/citations';

const root = resolve(import.meta.dirname, '../..');

/**
 * A paragraph number at the start of a line: "4.20", "3.1.", "51.", "14..",
 * "1.7.1" (a bare "12" with no dot is a footnote, not a paragraph).
 * Paragraphs start at the margin (sub-paragraphs "7.4.1" a little in); an
 * indented "3." is an item of a numbered list inside a paragraph.
 */
const PARAGRAPH = /^( {0,14})(\d{1,3}(?:\.\d{1,3}){0,3})(\.{0,2})(?:\s+(.*))?$/;
/** A lettered, roman or numbered item inside a paragraph: "a)", "(xiv)", "ii.", "3.". */
const ITEM = /^\s{2,}\(?([a-z]|[ivx]{1,6}|\d{1,2})[.)]\s+\S/;
/** A table's title, at the start of a line: "Table 4:   Examples of …". */
const TABLE = /^Table (\d+)\s*[:.]/;
/** A section of a Part B ("B1.", "B.3", "B3"), whose items are cited "B3.1". */
const PART_B_SECTION = /^B\.? ?(\d{1,2})\.?\s+[A-Z]/;
/** An item of a Part B numbered with its section: "B 1.1", "B2.6". */
const PART_B_ITEM = /^B ?(\d{1,2})\.(\d{1,2})\.?\s+[A-Z]/;

/** The index of one document from its lines. `partB` numbers the items after a "PART B" heading under their section ("B5.2"). */
export function indexDocument(title: string, file: string, lines: string[], partB = false): RefDocument {
  const paragraphs: string[] = [];
  const items: Record<string, string[]> = {};
  const tables: Record<string, string> = {};
  let glossary = false;
  let current: string | undefined;
  let section: string | undefined;
  let inPartB = false;
  // the table of contents, if any, ends with its last line of leader dots
  const tocEnd = lines.findLastIndex((l, i) => i < lines.length / 5 && /\.{5,}\s*\d+\s*$/.test(l));
  for (const raw of lines.slice(tocEnd + 1)) {
    const line = raw.replace(/\u0000/g, '');
    if (/^\s*glossary\b/i.test(line) && line.trim().length < 40) glossary = true;
    if (partB && /^PART B\b/.test(line)) inPartB = true;
    const bi = inPartB ? PART_B_ITEM.exec(line) : null;
    if (bi) {
      current = `B${bi[1]}.${bi[2]}`;
      paragraphs.push(current);
      continue;
    }
    const b = inPartB ? PART_B_SECTION.exec(line) : null;
    if (b) {
      section = `B${b[1]}`;
      paragraphs.push(section);
      current = section;
      continue;
    }
    const t = TABLE.exec(line);
    if (t && !tables[t[1]!]) tables[t[1]!] = current ?? ''; // '' : before the first paragraph
    const p = PARAGRAPH.exec(line);
    if (p) {
      const [, indent, num, dot, rest = ''] = p as unknown as [string, string, string, string, string?];
      const levels = num.split('.').length;
      // an indented "4." goes on an integer numbering ("3." then "4.", Annex 3); after a "2.21" it is an item of that paragraph
      const continues = levels === 1 && current !== undefined && /^\d+$/.test(current) && Number(num) === Number(current) + 1;
      const atMargin = indent.length === 0 || (levels >= 3 && indent.length <= 8) || continues;
      const startsText = rest === '' || /^[A-Z(“"‘'[….]/.test(rest);
      if (atMargin && (levels > 1 || dot !== '') && startsText) {
        const id = inPartB && section && !num.includes('.') ? `${section}.${num}` : num;
        if (!paragraphs.includes(id)) paragraphs.push(id);
        current = id;
        continue;
      }
    }
    const it = current ? ITEM.exec(line) : null;
    if (it && current) (items[current] ??= []).includes(it[1]!) || items[current]!.push(it[1]!);
  }
  const chapters = [...new Set(paragraphs.filter((p) => !p.startsWith('B')).map((p) => p.split('.')[0]!))];
  return { title, file, paragraphs, chapters, items, tables, glossary };
}

/** Splits the annexes file at its "ANNEX n" headings; the guide's own glossary at the end is left out. */
export function splitAnnexes(text: string): Map<string, string[]> {
  const lines = text.split('\n');
  const out = new Map<string, string[]>();
  let name: string | undefined;
  for (const line of lines) {
    const h = /^ANNEX (\d{1,2}[AB]?)\*?\s*$/.exec(line);
    if (h) {
      name = h[1]!;
      out.set(name, []);
      continue;
    }
    if (name && /Definitions given below apply to the words as used in this Guide/.test(line)) name = undefined;
    if (name) out.get(name)!.push(line);
  }
  return out;
}

function main() {
  const dir = resolve(process.argv[2] ?? process.env.PE009_DIR ?? join(root, '../shared/domain/pics-pe009-17'));
  if (!existsSync(dir)) {
    console.error(`refs:index: no folder ${dir}; give the folder of the PE 009-17 text files as the first argument or in PE009_DIR`);
    process.exit(1);
  }
  const files = readdirSync(dir).filter((f) => f.endsWith('.txt'));
  const find = (part: string) => {
    const f = files.find((x) => x.includes(`_${part}_`));
    if (!f) throw new Error(`no file for ${part} in ${dir}`);
    return f;
  };
  const read = (f: string) => readFileSync(join(dir, f), 'utf8').split('\n');
  const documents: Record<string, RefDocument> = {
    'part1': indexDocument('Part I', find('part1'), read(find('part1'))),
    'part2': indexDocument('Part II', find('part2'), read(find('part2'))),
    'annex1': indexDocument('Annex 1', find('annex1'), read(find('annex1'))),
    'annex2a': indexDocument('Annex 2A', find('annex2a'), read(find('annex2a')), true),
  };
  const annexesFile = find('annexes');
  for (const [n, lines] of splitAnnexes(readFileSync(join(dir, annexesFile), 'utf8'))) {
    const id = `annex${n.toLowerCase()}`;
    if (documents[id]) continue; // Annex 1 and 2A: their own files
    documents[id] = indexDocument(`Annex ${n}`, annexesFile, lines, n === '2B');
  }
  const index: RefIndex = { source: 'PIC/S Guide to Good Manufacturing Practice for Medicinal Products, PE 009-17, 25 August 2023', documents };
  const out = join(root, 'src/engine/refs/pe009-17.json');
  writeFileSync(out, `${JSON.stringify(index, null, 1)}\n`);
  for (const [id, d] of Object.entries(documents)) console.log(`${id.padEnd(8)} ${String(d.paragraphs.length).padStart(4)} paragraphs, tables ${Object.keys(d.tables).join(', ') || '-'}${d.glossary ? ', glossary' : ''}`);
  console.log(`written ${relative(root, out)} from ${dir}`);
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) main();
