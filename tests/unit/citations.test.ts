/**
 * Citations of the EU GMP guide: the parser on hand-written strings (the
 * expected paragraphs read from the guide's text, PE 009-17), and every
 * citation in the built-in scenarios and the career-day texts checked against
 * the committed index (src/engine/refs/pe009-17.json).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkCitationsIn, checkCitationsInJson, findCitations, PE009 } from '../../src/engine/refs/citations';

const root = resolve(import.meta.dirname, '../..');
const cited = (text: string) => findCitations(text).map((c) => [c.doc, ...c.paragraphs]);
const problems = (text: string) => checkCitationsIn(text).map((p) => p.message.en);

describe('the index of PE 009-17', () => {
  it('holds the documents the scenarios cite, with what the guide says is in them', () => {
    const d = PE009.documents;
    expect(d.annex1!.tables['4']).toBe('8.10'); // "8.10 Examples of operations … are given in Table 4."
    expect(d.annex1!.paragraphs).toContain('8.138');
    expect(d.annex1!.paragraphs).not.toContain('8.140'); // chapter 8 ends at 8.139
    expect(d.annex2b!.paragraphs).toContain('51'); // "51. The growth promoting properties of culture media…"
    expect(d.annex2b!.paragraphs).toContain('70');
    expect(d.annex2b!.paragraphs).not.toContain('71'); // Part A ends at 70, then Part B (B1…B8)
    expect(d.annex2b!.paragraphs).toContain('B5.2'); // recombinant products, item 2
    expect(d.part1!.items['4.20']).toEqual(['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i']);
    expect(d.part1!.chapters).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9']);
    expect(d.part2!.paragraphs).toContain('18.31');
    expect(d.part2!.glossary).toBe(true);
    expect(d.part1!.glossary).toBe(false);
    expect(Object.keys(d)).toEqual(expect.arrayContaining(['part1', 'part2', 'annex1', 'annex2a', 'annex2b', 'annex11', 'annex15', 'annex16']));
  });
});

describe('reading citations', () => {
  it('reads each § of a list in the document named before it', () => {
    expect(cited('Annex 1 §8.10, §8.86 and §8.138')).toEqual([['annex1', '8.10'], ['annex1', '8.86'], ['annex1', '8.138']]);
    expect(cited('EU GMP Part I ch. 4 §4.20; Annex 1 (2022) §8.86')).toEqual([['part1'], ['part1', '4.20'], ['annex1', '8.86']]);
  });

  it('checks the paragraphs of a list written without their own §, but not a measure after a §', () => {
    expect(cited('Annex 1 §8.10, 8.86 and 8.138')).toEqual([['annex1', '8.10'], ['annex1', '8.86'], ['annex1', '8.138']]);
    expect(cited('Annex 1 §8.10 and 9.24–9.26')).toEqual([['annex1', '8.10'], ['annex1', '9.24', '9.26']]);
    expect(problems('annexe 1, §8.10, 8.86 et 8.200')).toEqual(['Annex 1 has no §8.200']);
    expect(cited('Annex 1 §8.18, 36.5 °C and 30 min')).toEqual([['annex1', '8.18']]);
  });

  it('reads both ends of a range', () => {
    expect(cited('Annex 1 §9.24–9.26')).toEqual([['annex1', '9.24', '9.26']]);
    expect(cited('Part I §5.12-5.13')).toEqual([['part1', '5.12', '5.13']]);
    expect(problems('Annex 1 §9.24–9.26')).toEqual([]);
    expect(problems('Annex 1 §9.24–9.60')).toEqual(['Annex 1 has no §9.60']);
  });

  it('reads the French forms', () => {
    expect(cited('(BPF partie I, §4.9)')).toEqual([['part1', '4.9']]);
    expect(cited('(annexe 1, paragraphe 8.10)')).toEqual([['annex1', '8.10']]);
    expect(cited('(BPF partie II, §18.51) ; un intermédiaire hors spécification est mis en quarantaine (§14.10)')).toEqual([['part2', '18.51'], ['part2', '14.10']]);
  });

  it('takes "Annex 2" as Annex 2B (biological substances) and ICH Q7 as Part II', () => {
    expect(cited('Annex 2 §51')).toEqual([['annex2b', '51']]);
    expect(cited('EU GMP Annex 2 / PIC/S Annex 2B §47')).toEqual([['annex2b', '47']]);
    expect(cited('Annex 2A §5.17')).toEqual([['annex2a', '5.17']]);
    expect(cited('EU GMP Part II / ICH Q7 §18.31')).toEqual([['part2', '18.31']]);
    expect(problems('Annex 2 §51, §57, §59')).toEqual([]);
  });

  it('does not check the § of other sources', () => {
    expect(cited('PIC/S PI 041-1 (2021) §7.5: ALCOA+')).toEqual([]);
    expect(cited('shared/domain/GMP-REFERENCE.md §4 (setpoints), §5 (bag pressure)')).toEqual([]);
    expect(cited('EU GMP Part I ch. 4 §4.7–4.9 and PIC/S PI 041-1 §7.5')).toEqual([['part1'], ['part1', '4.7', '4.9']]);
  });

  it('accepts what the guide holds', () => {
    for (const ok of [
      'EU GMP Annex 1 (2022) §8.10 Table 4 (Grade C: preparation of solutions to be filtered)',
      'EU GMP Part I §4.20 b (dates and times of significant intermediate stages)',
      'EU GMP Part I ch. 1 §1.4 (xiv): root cause analysis',
      'EU GMP Part II (ICH Q7), glossary: deviation',
      '(annexe 1, glossaire et §7.18)',
      'EU GMP Part I, chapter 5',
      'Annex 1 Table 4 lists Grade C',
    ]) expect(problems(ok), ok).toEqual([]);
  });

  it('fails a table cited with a paragraph it is not in', () => {
    expect(problems('Annex 1 §4.4 Table 4')).toEqual(['Table 4 of Annex 1 is in §8.10, not in §4.4']);
    expect(problems('Annex 1 Table 9')).toEqual(['Annex 1 has no Table 9']);
  });

  it('fails a paragraph that exists only in another document, and says where', () => {
    const [message] = problems('EU GMP Annex 1, §5.40 (line clearance)');
    expect(message).toMatch(/^Annex 1 has no §5\.40 \(there is one in .*Part I/);
    expect(problems('Part I §18.31')[0]).toMatch(/^Part I has no §18\.31 \(there is one in Part II/);
  });

  it('fails an item, a chapter or a glossary the document does not have', () => {
    expect(problems('Part I §4.20 k')).toEqual(['§4.20 of Part I has no item k']);
    expect(problems('Part I ch. 4 §5.40')).toEqual(['§5.40 is not in chapter 4 of Part I']);
    expect(problems('Part I chapter 12')).toEqual(['Part I has no chapter 12']);
    expect(problems('Part I glossary')).toEqual(['Part I has no glossary']);
    expect(problems('Annex 18 §1')).toEqual(['PE 009-17 has no Annex 18']);
  });

  it('reports a § whose sentence names no document as ambiguous', () => {
    expect(problems('Records are made at the time (§4.8).')).toEqual([expect.stringMatching(/ambiguous/)]);
    expect(problems('Part I §4.8. Corrections leave the original readable (§4.9).')).toEqual([expect.stringMatching(/ambiguous/)]);
    expect(problems('A site may justify it (A2 §6).')).toEqual([expect.stringMatching(/ambiguous/)]);
  });

  it('says what is wrong in French too, with the French names of the documents', () => {
    expect(checkCitationsIn('(BPF annexe 1, §8.200)').map((p) => p.message.fr)).toEqual(["Annexe 1 n'a pas de §8.200"]);
    expect(checkCitationsIn('Part I §4.20 Table 4').map((p) => p.message.fr)).toEqual(["Partie I n'a pas de tableau 4"]);
  });

  it('gives the path of the text and the citation in a JSON value', () => {
    const scenario = { sources: ['EU GMP Annex 1 (2022) §4.4 Table 4, §8.130'], rules: [{ explanation: { fr: '(BPF annexe 1, §8.200)', en: '(EU GMP Annex 1, §8.13)' } }] };
    expect(checkCitationsInJson(scenario).map((p) => ({ ...p, message: p.message.en }))).toEqual([
      { path: 'sources[0]', citation: 'Annex 1 (2022) §4.4 Table 4', message: 'Table 4 of Annex 1 is in §8.10, not in §4.4' },
      { path: 'rules[0].explanation.fr', citation: 'annexe 1, §8.200', message: 'Annex 1 has no §8.200' },
    ]);
  });
});

describe('the built-in texts', () => {
  const files = [
    ...readdirSync(join(root, 'scenarios'))
      .filter((f) => f.endsWith('.json') && !f.endsWith('.schema.json'))
      .map((f) => join('scenarios', f)),
    'locales/careers.json',
  ];
  it.each(files)('every citation of the guide in %s is in the document it names', (file) => {
    expect(checkCitationsInJson(JSON.parse(readFileSync(join(root, file), 'utf8')))).toEqual([]);
  });
});
