/**
 * The scenarios an instructor imported on this device, keyed by id and
 * version, each checked again with the engine's validation before it is kept.
 */
import type { Scenario } from '../engine/types';
import { validateScenario } from '../engine/validateScenario';
import { say, StoreError } from './messages';
import type { ImportedScenario, Listed } from './records';
import { invalid, mustBe, type StoreCore } from './storeCore';

export interface ScenarioStore {
  /** Keeps a scenario an instructor imported (checked again with the engine's validation). */
  saveScenario(scenario: Scenario): Promise<ImportedScenario>;
  listScenarios(): Promise<Listed<ImportedScenario>>;
  getScenario(id: string, version: number): Promise<ImportedScenario | undefined>;
  deleteScenario(id: string, version: number): Promise<void>;
}

export function scenarioStore(core: StoreCore): ScenarioStore {
  return {
    async saveScenario(scenario) {
      const checked = validateScenario(scenario);
      if (!checked.ok) {
        const first = checked.problems[0]!;
        throw new StoreError('invalid', say(`This scenario cannot be kept: ${first.path}: ${first.message.en}.`, `Ce scénario ne peut être gardé : ${first.path} : ${first.message.fr}.`));
      }
      const record: ImportedScenario = { id: scenario.id, version: scenario.version, scenario: structuredClone(scenario), importedAt: core.now() };
      mustBe('importedScenario', record);
      return core.write(['importedScenarios'], async (tx) => {
        const old = await core.one<ImportedScenario>('importedScenario', tx, 'importedScenarios', [record.id, record.version]);
        if (old) {
          if (JSON.stringify(old.scenario) === JSON.stringify(record.scenario)) return old;
          throw invalid(
            `A different scenario "${record.id}" version ${record.version} is already on this device: raise the version number of the new one.`,
            `Un autre scénario « ${record.id} » version ${record.version} est déjà sur cet appareil : augmentez le numéro de version du nouveau.`,
          );
        }
        await tx.put('importedScenarios', record);
        return record;
      });
    },

    async listScenarios() {
      return core.sort<ImportedScenario>('importedScenario', await core.read(['importedScenarios'], (tx) => tx.all('importedScenarios')));
    },

    getScenario(id, version) {
      return core.read(['importedScenarios'], (tx) => core.one<ImportedScenario>('importedScenario', tx, 'importedScenarios', [id, version]));
    },

    deleteScenario(id, version) {
      return core.write(['importedScenarios'], (tx) => tx.delete('importedScenarios', [id, version]));
    },
  };
}
