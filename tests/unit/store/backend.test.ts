/** The two backends the store's single logic runs on behave alike: all-or-nothing transactions, index queries, compound keys, copies. */
import { describe, expect, it } from 'vitest';
import { IDBFactory } from 'fake-indexeddb';
import { IdbBackend, MemoryBackend, type Backend } from '../../../src/store/backend';
import { DB_NAME, MIGRATIONS, openDatabase } from '../../../src/store/schema';
import './helpers';

const makers: [string, () => Promise<Backend>][] = [
  ['indexeddb', async () => new IdbBackend(await openDatabase(new IDBFactory(), { name: DB_NAME, migrations: MIGRATIONS }))],
  ['memory', async () => new MemoryBackend()],
];

describe.each(makers)('backend (%s)', (_name, make) => {
  it('a transaction that fails half-way keeps none of its writes', async () => {
    const b = await make();
    await b.run(['profiles'], 'readwrite', (tx) => tx.put('profiles', { id: 'a', name: 'A' }));
    const failing = b.run(['profiles', 'attempts'], 'readwrite', async (tx) => {
      await tx.put('profiles', { id: 'b', name: 'B' });
      await tx.delete('profiles', 'a');
      await tx.put('attempts', { id: 'x', profileId: 'b' });
      throw new Error('stop');
    });
    await expect(failing).rejects.toThrow('stop');
    const rows = await b.run(['profiles', 'attempts'], 'readonly', async (tx) => [...(await tx.all('profiles')), ...(await tx.all('attempts'))]);
    expect(rows).toEqual([{ key: 'a', value: { id: 'a', name: 'A' } }]);
  });

  it('index queries return only the matching rows, in key order; nested key paths and compound keys work', async () => {
    const b = await make();
    await b.run(['attempts', 'assignments', 'importedScenarios'], 'readwrite', async (tx) => {
      for (const [id, profileId] of [['c', 'p1'], ['a', 'p1'], ['b', 'p2']] as const) await tx.put('attempts', { id, profileId });
      await tx.put('assignments', { id: 'g', target: { group: 'BTS-1' } });
      await tx.put('assignments', { id: 'h', target: { profileId: 'p1' } });
      await tx.put('importedScenarios', { id: 'gowning', version: 2, v: 'two' });
      await tx.put('importedScenarios', { id: 'gowning', version: 1, v: 'one' });
    });
    const found = await b.run(['attempts', 'assignments', 'importedScenarios'], 'readonly', async (tx) => ({
      p1: (await tx.all('attempts', { name: 'byProfile', key: 'p1' })).map((r) => r.key),
      group: (await tx.all('assignments', { name: 'byTargetGroup', key: 'BTS-1' })).map((r) => r.key),
      scenarios: (await tx.all('importedScenarios')).map((r) => r.key),
      one: await tx.get('importedScenarios', ['gowning', 1]),
    }));
    expect(found).toEqual({ p1: ['a', 'c'], group: ['g'], scenarios: [['gowning', 1], ['gowning', 2]], one: { id: 'gowning', version: 1, v: 'one' } });
  });

  it('what is read is a copy: changing it does not change what is stored', async () => {
    const b = await make();
    const record = { id: 'a', name: 'A' };
    await b.run(['profiles'], 'readwrite', (tx) => tx.put('profiles', record));
    record.name = 'changed after put';
    const read = (await b.run(['profiles'], 'readonly', (tx) => tx.get('profiles', 'a'))) as { name: string };
    read.name = 'changed after get';
    expect(await b.run(['profiles'], 'readonly', (tx) => tx.get('profiles', 'a'))).toEqual({ id: 'a', name: 'A' });
  });

  it('a read-only transaction cannot write, and after close() nothing runs', async () => {
    const b = await make();
    await expect(b.run(['profiles'], 'readonly', (tx) => tx.put('profiles', { id: 'a' }))).rejects.toMatchObject({ name: 'ReadOnlyError' });
    b.close();
    await expect(b.run(['profiles'], 'readonly', (tx) => tx.all('profiles'))).rejects.toMatchObject({ name: 'InvalidStateError' });
  });
});
