import { describe, expect, it } from 'vitest';
import { CodeTries, findGroup, uniqueNames, isValidTraineeCode, nameClashes, namesOfList, normaliseName, sameGroup, sameName, traineeKey } from '../../src/engine/identity';

describe('one identity per trainee', () => {
  it('names differing only by case, accents or spaces are the same', () => {
    expect(normaliseName('  Léa   MARTIN ')).toBe('lea martin');
    expect(sameName('Léa Martin', 'lea  martin')).toBe(true);
    expect(sameName('Inès', 'INES')).toBe(true);
    expect(sameName('François', 'Francois')).toBe(true);
    expect(sameName('Zoë\u00a0Dupont', 'zoe dupont')).toBe(true); // no-break space, diaeresis
    expect(sameName('Chloé', 'Chloe\u0301')).toBe(true); // composed and decomposed é
    expect(sameName('Léa', 'Léo')).toBe(false);
    expect(sameName('Anne-Marie', 'Anne Marie')).toBe(false); // a hyphen is part of the name
  });

  it('groups compare the same way, no group being the empty group', () => {
    expect(sameGroup('TSBI A', ' tsbi  a')).toBe(true);
    expect(sameGroup(undefined, '')).toBe(true);
    expect(sameGroup('TSBI-A', 'TSBI-B')).toBe(false);
  });

  it('a trainee is the group and the name together', () => {
    expect(traineeKey({ name: 'Léa', group: 'TSBI-A' })).toBe(traineeKey({ name: ' LEA ', group: 'tsbi-a' }));
    expect(traineeKey({ name: 'Léa', group: 'TSBI-A' })).not.toBe(traineeKey({ name: 'Léa', group: 'TSBI-B' }));
    expect(traineeKey({ name: 'Léa' })).toBe(traineeKey({ name: 'lea', group: '' }));
  });

  it('a pasted class list: one name per line, blanks dropped', () => {
    expect(namesOfList('Léa Martin\r\n\n  Tom  Petit \nInès\n')).toEqual(['Léa Martin', 'Tom Petit', 'Inès']);
  });

  it('says which names are written twice and which the group already has', () => {
    expect(nameClashes(['Léa', 'Tom', 'LEA', 'Inès', 'lea'], ['Zoé'])).toEqual({ repeated: ['LEA'], existing: [] });
    expect(nameClashes(['Zoe', 'Tom'], ['Zoé', 'Hugo'])).toEqual({ repeated: [], existing: ['Zoe'] });
    expect(nameClashes(['Hugo', 'Jade'], ['Zoé'])).toEqual({ repeated: [], existing: [] });
  });

  it('a group typed elsewhere is filed under the instructor\'s spelling', () => {
    expect(findGroup(['TSBI A', 'BTS Bio'], 'tsbi a ')).toBe('TSBI A');
    expect(findGroup(['TSBI A'], 'TSBI B')).toBeUndefined();
    expect(findGroup(['TSBI A'], '')).toBeUndefined();
  });

  it('groups listed once each, in their first spelling', () => {
    expect(uniqueNames(['TSBI A', 'BTS Bio', 'tsbi  a', '', 'Bts bio', 'TSBI B'])).toEqual(['TSBI A', 'BTS Bio', 'TSBI B']);
  });

  it('a trainee code is four digits', () => {
    expect(isValidTraineeCode('0427')).toBe(true);
    for (const bad of ['427', '04270', 'abcd', '12 4', '']) expect(isValidTraineeCode(bad)).toBe(false);
  });

  it('four wrong codes cost nothing; from the fifth in a row, 30 s before the next try; a right code clears the count', () => {
    const tries = new CodeTries();
    const t0 = 1_000_000;
    for (let i = 1; i <= 4; i++) expect(tries.wrong(t0 + i)).toBe(0);
    expect(tries.wait(t0 + 5)).toBe(0);
    expect(tries.wrong(t0 + 5)).toBe(30);
    expect(tries.wait(t0 + 5)).toBe(30);
    expect(tries.wait(t0 + 5 + 29_500)).toBe(1);
    expect(tries.wait(t0 + 5 + 30_000)).toBe(0);
    // the sixth wrong one pauses again
    expect(tries.wrong(t0 + 40_000)).toBe(30);
    expect(tries.wait(t0 + 40_000 + 10_000)).toBe(20);
    tries.right();
    expect(tries.wait(t0 + 40_000 + 10_000)).toBe(0);
    expect(tries.wrong(t0 + 60_000)).toBe(0);
  });
});
