/** Two tablets' exports merged on the instructor's device: no duplicates, a report per file, no PIN carried over, and assignment packs. */
import { describe, expect, it } from 'vitest';
import { prepare, replay } from '../../src/engine/attempt';
import { perfectRun } from '../../src/engine/exploreScenario';
import type { AttemptOptions, EngineEvent } from '../../src/engine/types';
import { assignmentPack, exportTablet, importTabletFiles } from '../../src/app/tabletFiles';
import { resultOf } from '../../src/store/records';
import type { Store } from '../../src/store/openStore';
import { hasPin, PIN_KEY, setPin, settingsOf } from '../../src/store/pin';
import { gowning } from './fixtures';
import { act, open } from './store/helpers';

const c = prepare(gowning());
const options: AttemptOptions = { seed: 3, mode: 'training', forcedFault: 'none' };

/** Plays real gowning events for a trainee of this tablet and finishes the attempt. */
async function play(store: Store, profileId: string, events: EngineEvent[]) {
  const a = await store.startAttempt({ profileId, scenarioId: 'gowning', scenarioVersion: 1, options });
  events.forEach((e, i) => store.appendEvent(a.id, e, i));
  const result = resultOf(replay(c, options, events))!;
  return store.finish(a.id, result);
}

async function tablet(names: string[], group: string) {
  const { store } = await open();
  for (const name of names) {
    const p = await store.createProfile({ name, group, lang: 'fr' });
    await play(store, p.id, [act('cross', 'step-over-bench'), ...perfectRun(c, options).events]);
  }
  await setPin(settingsOf(store), '2468'); // each tablet may have its own PIN: it must not travel
  return store;
}

describe('merging tablets', () => {
  it('two exports imported on a third device: everything once, a report per file, again adds nothing', async () => {
    const a = await tablet(['Léa', 'Tom'], 'TSBI-A');
    const b = await tablet(['Inès'], 'TSBI-A');
    const fileA = JSON.stringify(await exportTablet(a));
    const fileB = JSON.stringify(await exportTablet(b));
    expect(fileA).not.toContain(PIN_KEY);

    const { store: mine } = await open();
    const reports = await importTabletFiles(mine, [
      { name: 'tablette-1.json', text: fileA },
      { name: 'tablette-2.json', text: fileB },
    ]);
    expect(reports.map((r) => r.name)).toEqual(['tablette-1.json', 'tablette-2.json']);
    expect(reports[0]!.result).toMatchObject({ ok: true, added: { profiles: 2, attempts: 2 }, skipped: { profiles: 0, attempts: 0 } });
    expect(reports[1]!.result).toMatchObject({ ok: true, added: { profiles: 1, attempts: 1 } });
    expect((await mine.allAttempts()).items).toHaveLength(3);
    expect((await mine.listProfiles()).items.map((p) => p.name).sort()).toEqual(['Inès', 'Léa', 'Tom']);
    expect(await hasPin(settingsOf(mine))).toBe(false);
    // even a hand-made file carrying a PIN hash and the kiosk switch brings neither
    const forged = { ...JSON.parse(fileA), settings: [{ key: PIN_KEY, value: await a.getSetting(PIN_KEY) }, { key: 'kiosk.active', value: true }] };
    expect(forged.settings[0].value).toBeTruthy();
    const { store: fresh } = await open();
    expect((await importTabletFiles(fresh, [{ name: 'brut.json', text: JSON.stringify(forged) }]))[0]!.result.ok).toBe(true);
    expect(await hasPin(settingsOf(fresh))).toBe(false);
    expect(await fresh.getSetting('kiosk.active')).toBeUndefined();

    // the same files again, and a file holding both: nothing is duplicated
    const again = await importTabletFiles(mine, [
      { name: 'tablette-1.json', text: fileA },
      { name: 'tablette-2.json', text: fileB },
    ]);
    for (const r of again) expect(r.result).toMatchObject({ ok: true, added: { profiles: 0, attempts: 0 } });
    expect(again[0]!.result).toMatchObject({ skipped: { profiles: 2, attempts: 2 } });
    expect((await mine.allAttempts()).items).toHaveLength(3);
    const ids = (await mine.allAttempts()).items.map((x) => x.id);
    expect(new Set(ids).size).toBe(3);
  });

  it('a damaged file is refused with a sentence and the others still merge', async () => {
    const a = await tablet(['Léa'], 'TSBI-B');
    const { store: mine } = await open();
    const reports = await importTabletFiles(mine, [
      { name: 'cut.json', text: '{"format":"salle-blanche-back' },
      { name: 'ok.json', text: JSON.stringify(await exportTablet(a)) },
    ]);
    expect(reports[0]!.result.ok).toBe(false);
    expect(reports[0]!.result.ok ? '' : reports[0]!.result.message.fr).toMatch(/Rien n'a été importé/);
    expect(reports[1]!.result).toMatchObject({ ok: true, added: { attempts: 1 } });
  });

  it('an assignment pack carries group assignments and the imported scenarios they use, and another tablet imports it', async () => {
    const { store } = await open();
    const copy = { ...gowning(), id: 'gowning-copy' };
    await store.saveScenario(copy);
    const p = await store.createProfile({ name: 'Léa', group: 'TSBI-A', lang: 'fr' });
    await store.createAssignment({ scenarioId: 'gowning-copy', target: { group: 'TSBI-A' }, mode: 'assessment', forcedFault: 'none', passMark: 90 });
    await store.createAssignment({ scenarioId: 'gowning', target: { group: 'TSBI-B' }, mode: 'training' });
    await store.createAssignment({ scenarioId: 'gowning', target: { profileId: p.id }, mode: 'training' });
    const pack = assignmentPack((await store.listAssignments()).items, (await store.listScenarios()).items, 'TSBI-A');
    expect(pack.assignments).toHaveLength(1);
    expect(pack.importedScenarios!.map((s) => s.id)).toEqual(['gowning-copy']);

    const { store: other } = await open();
    const [r] = await importTabletFiles(other, [{ name: 'pack.json', text: JSON.stringify(pack) }]);
    expect(r!.result).toMatchObject({ ok: true, added: { assignments: 1, scenarios: 1, profiles: 0 } });
    const trainee = await other.createProfile({ name: 'Tom', group: 'TSBI-A', lang: 'fr' });
    expect((await other.assignmentsFor(trainee.id)).items.map((x) => x.scenarioId)).toEqual(['gowning-copy']);
    expect(assignmentPack((await store.listAssignments()).items, [], undefined).assignments).toHaveLength(2);
  });
});
