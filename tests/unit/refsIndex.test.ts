/**
 * How `npm run refs:index` reads the guide's text: small pieces written by
 * hand in the layout of the PE 009-17 text files (paragraph numbers at the
 * margin, wrapped lines indented, lists inside paragraphs, tables, Part B of
 * Annex 2B, the annexes file cut at its "ANNEX n" headings).
 */
import { describe, expect, it } from 'vitest';
import { indexDocument, splitAnnexes } from '../../src/cli/refsIndex';

const lines = (text: string) => text.split('\n');

describe('refs:index', () => {
  it('reads paragraph numbers at the margin, their items and tables, not wrapped figures or a table of contents', () => {
    const doc = indexDocument('Annex 1', 'annex1.txt', lines(`
1.    Scope ......................................... 2
8.9    Where possible, the use of equipment such as RABS, isolators or other systems,
       should be considered.
8.10   Examples of operations to be carried out in the various environmental grades are
       given in Table 4.

Table 4:   Examples of operations and grades for aseptic preparation and processing
 Grade C    -   Preparation of solutions to be filtered including sampling and dispensing.
8.11        For sterile products where the final formulation cannot be filtered, the following
            should be considered:
       i.    all product contact equipment and components should be sterilised
      ii.    all raw materials should be sterilised or aseptically added
            with a nominal pore size of a maximum of
0.22 µm that has been validated
Glossary
`));
    expect(doc.paragraphs).toEqual(['8.9', '8.10', '8.11']);
    expect(doc.tables).toEqual({ '4': '8.10' });
    expect(doc.items).toEqual({ '8.11': ['i', 'ii'] });
    expect(doc.chapters).toEqual(['8']);
    expect(doc.glossary).toBe(true);
  });

  it('takes an indented "4." after "3." as the next paragraph, and an indented "3." after "2.21" as an item of it', () => {
    expect(indexDocument('Annex 3', 'a.txt', lines('3.      This guideline is applicable\n    4.      The manufacturer should describe\n14..   All personnel')).paragraphs).toEqual(['3', '4', '14']);
    const part2 = indexDocument('Part II', 'p2.txt', lines('2.21   The quality unit should:\n\n       1.       Releasing or rejecting all APIs;\n       2.       Establishing a system;'));
    expect(part2.paragraphs).toEqual(['2.21']);
    expect(part2.items).toEqual({ '2.21': ['1', '2'] });
  });

  it('numbers the items of a Part B under their section', () => {
    const doc = indexDocument('Annex 2B', 'b.txt', lines('70.    For biological medicinal products with a short shelf life\nPART B:            SPECIFIC GUIDANCE\nB5.    RECOMBINANT PRODUCTS\n1.     Process condition during cell growth\n2.     The purification processes\nB 6.1 Monoclonal antibodies may be manufactured'), true);
    expect(doc.paragraphs).toEqual(['70', 'B5', 'B5.1', 'B5.2', 'B6.1']);
  });

  it('cuts the annexes file at its ANNEX headings and leaves out the guide\'s glossary at its end', () => {
    const parts = splitAnnexes('cover\nANNEX 2B\n1.  Personnel\nANNEX 20*\n1.  Risk\n                                  GLOSSARY\n      Definitions given below apply to the words as used in this Guide.\nBatch');
    expect([...parts.keys()]).toEqual(['2B', '20']);
    expect(parts.get('2B')).toEqual(['1.  Personnel']);
    expect(parts.get('20')).toEqual(['1.  Risk', '                                  GLOSSARY']);
  });
});
