import { describe, expect, it } from 'vitest';
import { act, open } from './helpers';

/** A synchronous journal like localStorage. */
function memoryJournal() {
  const m = new Map<string, string>();
  return { getItem: (k: string) => m.get(k) ?? null, setItem: (k: string, v: string) => void m.set(k, v), removeItem: (k: string) => void m.delete(k), map: m };
}

/** A store with a journal, a profile and a started attempt. */
async function started(name: string) {
  const journal = memoryJournal();
  const first = await open('indexeddb', { journal });
  const p = await first.store.createProfile({ name, lang: 'fr' });
  const a = await first.store.startAttempt({ profileId: p.id, scenarioId: 'gowning', scenarioVersion: 1, options: { seed: 1, mode: 'training' } });
  const reopen = () => open('indexeddb', { journal, factory: first.factory });
  return { journal, store: first.store, profileId: p.id, attemptId: a.id, reopen };
}

describe('journal of unsaved events (reload or closed tab between two writes)', () => {
  it('events appended just before the page went away are in the attempt when the app opens again', async () => {
    const { journal, store, profileId, attemptId, reopen } = await started('Camille');
    store.appendEvent(attemptId, act('remove', 'personal-items'), 1);
    await store.flush();
    store.appendEvent(attemptId, act('undress', 'locker'), 2);
    store.appendEvent(attemptId, act('wash', 'sink', 45), 3);
    // the page is gone: no flush, no close
    const again = await reopen();
    const resumed = await again.store.inProgress(profileId);
    expect(resumed!.events.map((e) => e.event)).toEqual([act('remove', 'personal-items'), act('undress', 'locker'), act('wash', 'sink', 45)]);
    expect(journal.map.size).toBe(0);
  });

  it('never writes an event twice when the journal is older than the database', async () => {
    const { journal, store, profileId, attemptId, reopen } = await started('Yanis');
    store.appendEvent(attemptId, act('remove', 'personal-items'), 1);
    store.appendEvent(attemptId, act('undress', 'locker'), 2);
    const stale = journal.getItem('salle-blanche.journal');
    await store.flush(); // written; the journal is cleared…
    expect(journal.map.size).toBe(0);
    journal.setItem('salle-blanche.journal', stale!); // …but a crash left the old copy
    const again = await reopen();
    expect((await again.store.inProgress(profileId))!.events).toHaveLength(2);
  });

  it('a damaged journal is ignored and loses nothing already saved', async () => {
    const { journal, store, profileId, attemptId, reopen } = await started('Inès');
    store.appendEvent(attemptId, act('remove', 'personal-items'), 1);
    await store.flush();
    journal.setItem('salle-blanche.journal', '[{"id":"x","saved":"zero","events":[{"__proto__":1}]}, "garbage"');
    const again = await reopen();
    expect((await again.store.inProgress(profileId))!.events).toHaveLength(1);
  });
});
