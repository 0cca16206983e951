/**
 * One source for the scenario schema and the scenario types: both files are
 * written by `npm run scenarios:schema` from src/engine/scenarioSchema.ts
 * and the vocabulary's words. Here they are written again in memory and
 * compared with what is committed; and the type generator is shown, on small
 * schemas, to give the types a reader would write by hand.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { GENERATED_HEADER, schemaFiles, schemaToTypes } from '../../src/cli/schemaTypes';

const root = resolve(import.meta.dirname, '../..');

describe('the committed schema and types', () => {
  for (const [file, text] of Object.entries(schemaFiles())) {
    it(`${file} is what its source gives`, () => {
      const committed = readFileSync(resolve(root, file), 'utf8');
      if (committed !== text) {
        expect.fail(`${file} is out of date with src/engine/scenarioSchema.ts and src/engine/vocabulary/: run \`npm run scenarios:schema\` and commit what it writes.`);
      }
    });
  }
});

describe('the type generator', () => {
  const types = (defs: Record<string, object>, rootSchema: object, names: Record<string, string> = {}) =>
    schemaToTypes({ ...rootSchema, $defs: defs }, { '': 'Root', ...names }).slice(GENERATED_HEADER.length).trim();

  it('an object: required fields plain, the others optional, descriptions as doc comments, short objects on one line', () => {
    expect(types({}, {
      type: 'object', additionalProperties: false, required: ['id'], description: 'A thing.',
      properties: {
        id: { type: 'string', pattern: '^[a-z]+$' },
        count: { type: 'integer', minimum: 0, description: 'How many.' },
        at: { type: 'object', additionalProperties: false, required: ['x'], properties: { x: { type: 'number' }, y: { type: 'number' } } },
      },
    })).toBe([
      '/** A thing. */',
      'export interface Root {',
      '  id: string;',
      '  /** How many. */',
      '  count?: number;',
      '  at?: { x: number; y?: number };',
      '}',
    ].join('\n'));
  });

  it('a named definition is referred to by its name; an unnamed one is written in place', () => {
    expect(types(
      { id: { type: 'string', maxLength: 60 }, text: { type: 'object', required: ['fr', 'en'], properties: { fr: { type: 'string' }, en: { type: 'string' } } } },
      { type: 'object', required: ['id', 'title'], properties: { id: { $ref: '#/$defs/id' }, title: { $ref: '#/$defs/text' } } },
      { text: 'Localized' },
    )).toBe([
      'export interface Root {',
      '  id: string;',
      '  title: Localized;',
      '}',
      '',
      'export interface Localized {',
      '  fr: string;',
      '  en: string;',
      '}',
    ].join('\n'));
  });

  it('enum, const and oneOf give unions of literals and forms; arrays of a fixed short length give tuples', () => {
    expect(types(
      {
        expr: {
          oneOf: [
            { type: 'number' },
            { type: 'object', required: ['input'], properties: { input: { const: true } } },
            { type: 'object', required: ['sub'], properties: { sub: { type: 'array', minItems: 2, maxItems: 2, items: { $ref: '#/$defs/expr' } } } },
            { type: 'object', required: ['round'], properties: { round: { type: 'array', prefixItems: [{ $ref: '#/$defs/expr' }, { type: 'integer' }] } } },
          ],
        },
      },
      {
        type: 'object', required: ['grades', 'value'],
        properties: { grades: { type: 'array', items: { enum: ['A', 'B'] } }, value: { $ref: '#/$defs/expr' }, names: { type: 'object', additionalProperties: { type: 'string' } } },
      },
      { expr: 'Expr' },
    )).toBe([
      'export interface Root {',
      "  grades: ('A' | 'B')[];",
      '  value: Expr;',
      '  names?: Record<string, string>;',
      '}',
      '',
      'export type Expr = number | { input: true } | { sub: [Expr, Expr] } | { round: [Expr, number] };',
    ].join('\n'));
  });

  it('allOf over a definition, with fields of its own, gives an interface that extends it; the fields listed only for unevaluatedProperties are left out', () => {
    expect(types(
      {
        common: { type: 'object', required: ['id'], properties: { id: { type: 'string' } } },
        main: { allOf: [{ $ref: '#/$defs/common' }], required: ['phase'], properties: { phase: { type: 'string' }, id: true }, unevaluatedProperties: false },
        plain: { allOf: [{ $ref: '#/$defs/common' }], unevaluatedProperties: false },
      },
      { type: 'object', properties: { steps: { type: 'array', items: { $ref: '#/$defs/main' } } } },
      { common: 'Step', main: 'MainStep', plain: 'PlainStep' },
    )).toBe([
      'export interface Root {',
      '  steps?: MainStep[];',
      '}',
      '',
      'export interface Step {',
      '  id: string;',
      '}',
      '',
      'export interface MainStep extends Step {',
      '  phase: string;',
      '}',
      '',
      'export type PlainStep = Step;',
    ].join('\n'));
  });
});
