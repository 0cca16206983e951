/**
 * Who may bring what onto a tablet: a trainee's import (the home screen)
 * restores profiles and attempts only and says what it ignored; scenarios,
 * assignments and settings come in only through the instructor area.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { BackupFile } from '../../../src/store/backup';
import type { Scenario } from '../../../src/engine/types';
import { act, BACKINGS, open } from './helpers';

const mediaPrep = JSON.parse(readFileSync(resolve(import.meta.dirname, '../../../scenarios/media-preparation.json'), 'utf8')) as Scenario;

/** A trainee's file that also tries to replace media-preparation by a version that passes with 1 point, assign it, and set the device. */
function hostile(): BackupFile {
  const profile = { id: 'mallory', name: 'Mallory', group: 'TSBI-1', lang: 'fr' as const, createdAt: 1 };
  return {
    format: 'salle-blanche-backup',
    version: 1,
    exportedAt: '2026-12-01T10:00:00.000Z',
    profiles: [profile],
    attempts: [
      { id: 'mallory-1', profileId: 'mallory', scenarioId: 'gowning', scenarioVersion: 2, seed: 3, mode: 'training', startedAt: 2, status: 'in-progress', events: [{ event: act('wash', 'sink'), at: 1 }] },
    ],
    assignments: [
      { id: 'fake-exam', scenarioId: 'media-preparation', scenarioVersion: 99, target: { group: 'TSBI-1' }, mode: 'assessment', createdAt: 3 },
      { id: 'fake-exam-2', scenarioId: 'media-preparation', target: { profileId: 'mallory' }, mode: 'assessment', passMark: 1, createdAt: 4 },
    ],
    settings: [
      { key: 'class.groups', value: ['TSBI-1'] },
      { key: 'results.passMark', value: 1 },
      { key: 'kiosk.active', value: true },
    ],
    importedScenarios: [{ id: 'media-preparation', version: 99, scenario: { ...mediaPrep, version: 99, passMark: 1 }, importedAt: 5 }],
  };
}

describe.each(BACKINGS)('import scope (%s)', (backing) => {
  it("a trainee's import restores the profile and attempts, and ignores the scenario, the assignments and the settings, saying so", async () => {
    const { store } = await open(backing);
    const result = await store.importBackup(JSON.stringify(hostile()), 'trainee');
    expect(result).toEqual({
      ok: true,
      added: { profiles: 1, attempts: 1, assignments: 0, scenarios: 0, settings: 0 },
      skipped: { profiles: 0, attempts: 0, assignments: 0, scenarios: 0, settings: 0 },
      ignored: { scenarios: 1, assignments: 2, settings: 3 },
    });
    expect((await store.inProgress('mallory'))?.events).toEqual([{ event: act('wash', 'sink'), at: 1 }]);
    expect((await store.listScenarios()).items).toEqual([]);
    expect((await store.getScenario('media-preparation', 99))).toBeUndefined();
    expect((await store.listAssignments()).items).toEqual([]);
    expect(await store.assignmentsFor('mallory')).toEqual({ items: [], skipped: [] });
    expect(await store.getSetting('class.groups')).toBeUndefined();
    expect(await store.getSetting('results.passMark')).toBeUndefined();
    expect(await store.getSetting('kiosk.active')).toBeUndefined();
  });

  it("the instructor's import of the same file brings the scenario, the assignments and the class settings (never the device's)", async () => {
    const { store } = await open(backing);
    const result = await store.importBackup(JSON.stringify(hostile()), 'instructor');
    expect(result).toEqual({
      ok: true,
      added: { profiles: 1, attempts: 1, assignments: 2, scenarios: 1, settings: 2 },
      skipped: { profiles: 0, attempts: 0, assignments: 0, scenarios: 0, settings: 0 },
    });
    expect((await store.getScenario('media-preparation', 99))?.scenario.passMark).toBe(1);
    expect((await store.assignmentsFor('mallory')).items.map((a) => a.id).sort()).toEqual(['fake-exam', 'fake-exam-2']);
    expect(await store.getSetting('kiosk.active')).toBeUndefined();
  });

  it("a backup made by the app before the split (events inside attempts, assignments and scenarios beside them) still imports", async () => {
    const { store } = await open(backing);
    const old = hostile();
    old.attempts[0]!.events.push({ event: act('dry', 'towel'), at: 2 }, { event: { type: 'HINT' }, at: 3 });
    expect(await store.importBackup(JSON.stringify(old), 'instructor')).toMatchObject({ ok: true, added: { attempts: 1 } });
    expect((await store.getAttempt('mallory', 'mallory-1'))?.events.map((e) => e.at)).toEqual([1, 2, 3]);
  });
});
