/**
 * The SCORM manifests are valid against the ADL schemas vendored in
 * assets/scorm/ (checked by xmllint, as the issue asks), for one procedure
 * and for several, in SCORM 1.2 and SCORM 2004 4th edition; and they say
 * what an LMS needs: French titles, relative launch addresses, escaped text.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Scenario } from '../../src/engine/types';
import type { ScormStandard } from '../../src/lms/config';
import { buildManifest, SCHEMA_FILES, xmlId } from '../../src/lms/manifest';
import { packageFiles } from '../../src/lms/package';

const root = resolve(import.meta.dirname, '../..');
const scenario = (id: string) => JSON.parse(readFileSync(join(root, 'scenarios', `${id}.json`), 'utf8')) as Scenario;
const builtin = ['discovery', 'gowning', 'media-preparation', 'inoculation', 'single-use-assembly', 'purification', 'deviation-handling'];
const appFiles = ['index.html', 'assets/index-AbC123.js', 'assets/phaser-Xy9.js', 'assets/index-D4.css', 'icons/icon-192.png', 'manifest.webmanifest', 'sw.js', 'workbox-5f2.js', 'build-files.json', 'scorm/1.2/ims_xml.xsd'];
const work = mkdtempSync(join(tmpdir(), 'scorm-manifest-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const xmllint = spawnSync('xmllint', ['--version'], { encoding: 'utf8' });
const XMLLINT_MISSING =
  'xmllint is not installed, so the SCORM manifests cannot be checked against the ADL schemas: install it with `apt-get install libxml2-utils` (.ci/run does it when it is missing).';

let dirs = 0;
/**
 * Validates a manifest as it sits in a package: in a folder with the
 * standard's schema files. xmllint takes one schema, and follows no
 * xsi:schemaLocation of its own, so a driver schema imports every namespace
 * the manifest names at the file it names there: a namespace named at a
 * missing file fails too.
 */
function validate(standard: ScormStandard, manifest: string): { ok: boolean; output: string } {
  expect(xmllint.error, XMLLINT_MISSING).toBeUndefined();
  const dir = join(work, `p${dirs++}`);
  rmSync(dir, { recursive: true, force: true });
  spawnSync('mkdir', ['-p', dir]);
  for (const f of SCHEMA_FILES[standard]) copyFileSync(join(root, 'assets/scorm', standard, f), join(dir, f));
  writeFileSync(join(dir, 'imsmanifest.xml'), manifest);
  const location = /xsi:schemaLocation="([^"]*)"/.exec(manifest)?.[1]?.trim().split(/\s+/) ?? [];
  const imports: string[] = [];
  for (let i = 0; i + 1 < location.length; i += 2) imports.push(`  <xs:import namespace="${location[i]}" schemaLocation="${location[i + 1]}"/>`);
  writeFileSync(
    join(dir, 'validate-driver.xsd'),
    ['<?xml version="1.0" encoding="UTF-8"?>', '<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="urn:x-salle-blanche:test-driver">', ...imports, '</xs:schema>', ''].join('\n'),
  );
  const r = spawnSync('xmllint', ['--noout', '--schema', 'validate-driver.xsd', 'imsmanifest.xml'], { cwd: dir, encoding: 'utf8' });
  return { ok: r.status === 0 && /imsmanifest\.xml validates/.test(r.stderr), output: `${r.stdout}${r.stderr}` };
}

const manifestOf = (standard: ScormStandard, ids: string[], mode: 'training' | 'assessment' = 'assessment') => {
  const files = packageFiles({ standard, scenarios: ids.map(scenario), builtinIds: builtin, mode, passMark: 80, madeAt: '2026-12-02T10:00:00.000Z', appVersion: '0.1.0' }, appFiles);
  const m = files.find((f) => f.path === 'imsmanifest.xml');
  return m && 'text' in m ? m.text : '';
};

describe('the SCORM manifests, checked by xmllint against the ADL schemas', () => {
  it('finds xmllint (the tests below need it)', () => {
    expect(xmllint.error, XMLLINT_MISSING).toBeUndefined();
  });

  for (const standard of ['1.2', '2004'] as const) {
    it(`SCORM ${standard}: one procedure, and all seven in one package, are valid`, () => {
      const one = validate(standard, manifestOf(standard, ['media-preparation']));
      expect(one.output).toContain('validates');
      expect(one.ok).toBe(true);
      const all = validate(standard, manifestOf(standard, builtin, 'training'));
      expect(all.output).toContain('validates');
      expect(all.ok).toBe(true);
    });

    it(`SCORM ${standard}: a broken manifest is rejected`, () => {
      const good = manifestOf(standard, ['media-preparation', 'gowning']);
      // an identifier that is not an XML ID, a second <organizations>, a SCO type that does not exist
      for (const broken of [
        good.replace('identifier="ITEM-gowning"', 'identifier="1-gowning"'),
        good.replace('</organizations>', '</organizations>\n  <organizations/>'),
        good.replace(/(scorm[tT]ype=)"sco"/, '$1"lesson"'),
      ]) {
        expect(broken).not.toBe(good);
        const r = validate(standard, broken);
        expect(r.ok, r.output).toBe(false);
        expect(r.output).toContain('fails to validate');
      }
    });
  }

  it('names each standard: SCORM 1.2 by its schema version, 2004 as the 4th edition, each namespace at a file shipped beside it', () => {
    const v12 = manifestOf('1.2', ['gowning']);
    expect(v12).toContain('<schemaversion>1.2</schemaversion>');
    expect(v12).toContain('xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2"');
    expect(v12).toContain('adlcp:scormtype="sco"');
    const v2004 = manifestOf('2004', ['gowning']);
    expect(v2004).toContain('<schemaversion>2004 4th Edition</schemaversion>');
    expect(v2004).toContain('xmlns="http://www.imsglobal.org/xsd/imscp_v1p1"');
    expect(v2004).toContain('adlcp:scormType="sco"');
    // the package's schema files are exactly those vendored for the standard
    for (const standard of ['1.2', '2004'] as const) expect([...SCHEMA_FILES[standard]].sort()).toEqual(readdirSync(join(root, 'assets/scorm', standard)).sort());
  });

  it('one SCO per procedure, titled in French, launched by a relative address; the app files listed relative, the service worker left out', () => {
    const one = manifestOf('1.2', ['media-preparation']);
    expect(one).toContain('<title>Préparation d&apos;un milieu de culture en poudre (évaluation)</title>');
    expect(one).toContain('href="index.html?lms=1"');
    expect(one.match(/scormtype="sco"/g)).toHaveLength(1);
    const several = manifestOf('2004', ['gowning', 'purification'], 'training');
    expect(several).toContain('<title>Salle blanche : 2 procédures (entraînement)</title>');
    expect(several).toContain('<title>Habillage pour la zone B, entrée et sortie</title>');
    expect(several).toContain('<title>Capture protéine A et inactivation virale à pH bas</title>');
    expect(several).toContain('href="index.html?lms=1&amp;scenario=gowning"');
    expect(several).toContain('href="index.html?lms=1&amp;scenario=purification"');
    expect(several.match(/scormType="sco"/g)).toHaveLength(2);
    for (const f of ['index.html', 'assets/index-AbC123.js', 'assets/phaser-Xy9.js', 'icons/icon-192.png', 'lms.json']) expect(several).toContain(`<file href="${f}"/>`);
    for (const f of ['sw.js', 'workbox-5f2.js', 'build-files.json', 'scorm/1.2/ims_xml.xsd']) expect(several).not.toContain(`"${f}"`);
    for (const href of several.matchAll(/href="([^"]*)"/g)) expect(href[1]).not.toMatch(/^\/|^[a-z]+:/i);
    // no mastery score nor satisfying measure: the SCO says passed or failed (a critical failure fails whatever the points)
    expect(one).not.toContain('masteryscore');
    expect(several).not.toContain('minNormalizedMeasure');
    expect(several).toContain('objectiveSetByContent="true"');
  });

  it('escapes text and makes identifiers legal', () => {
    const m = buildManifest({ standard: '1.2', identifier: '42 cours/BPF', title: 'A <b> & "c" \u0007d', scos: [{ id: 'x', title: "l'essai" }], files: ['index.html', 'a b/c&d.js'] });
    expect(m).toContain('<title>A &lt;b&gt; &amp; &quot;c&quot; d</title>');
    expect(m).toContain('<title>l&apos;essai</title>');
    expect(m).toContain('<file href="a%20b/c%26d.js"/>');
    expect(m).toContain('identifier="_42_cours_BPF"');
    expect(xmlId('ITEM-ok.1_x')).toBe('ITEM-ok.1_x');
    expect(validate('1.2', m).ok).toBe(true);
  });
});
