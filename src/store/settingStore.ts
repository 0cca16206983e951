/**
 * What the instructor sets for the class and the device: assignments (a
 * scenario for a group or a trainee, a mode, a due date) and settings (a key
 * and a JSON value; `instructor.`, `kiosk.` and `device.` keys belong to the
 * device and never travel in a backup).
 */
import { notFound } from './messages';
import { compact, type Assignment, type JsonValue, type Listed, type Profile, type Setting } from './records';
import { checkGroup } from './profileStore';
import { invalid, keyText, mustBe, type StoreCore } from './storeCore';

export type NewAssignment = Omit<Assignment, 'id' | 'createdAt'>;

export interface AssignmentStore {
  createAssignment(input: NewAssignment): Promise<Assignment>;
  /** Instructor: every assignment. */
  listAssignments(): Promise<Listed<Assignment>>;
  /** The assignments aimed at this profile or at its group. */
  assignmentsFor(profileId: string): Promise<Listed<Assignment>>;
  deleteAssignment(id: string): Promise<void>;
  /** Instructor: the assignment plays another version of its scenario from now on (its id, so its attempts, stay). */
  moveAssignment(id: string, scenarioVersion: number): Promise<Assignment>;
}

export interface SettingStore {
  getSetting(key: string): Promise<JsonValue | undefined>;
  setSetting(key: string, value: JsonValue): Promise<void>;
  deleteSetting(key: string): Promise<void>;
}

function byDue(a: Assignment, b: Assignment): number {
  return (a.due ?? '9999').localeCompare(b.due ?? '9999') || a.createdAt - b.createdAt;
}

export function assignmentStore(core: StoreCore): AssignmentStore {
  return {
    async createAssignment(input) {
      const target = compact({ group: checkGroup(input.target.group), profileId: input.target.profileId });
      const assignment = compact<Assignment>({ ...structuredClone(input), target, id: crypto.randomUUID(), createdAt: core.now() });
      if (!target.group && !target.profileId) throw invalid('Choose a group or a trainee for this assignment.', 'Choisissez un groupe ou un stagiaire pour ce devoir.');
      mustBe('assignment', assignment);
      await core.write(['profiles', 'assignments'], async (tx) => {
        if (target.profileId !== undefined && !(await core.one<Profile>('profile', tx, 'profiles', target.profileId))) throw notFound('profile', target.profileId);
        await tx.put('assignments', assignment);
      });
      return assignment;
    },

    async listAssignments() {
      const list = core.sort<Assignment>('assignment', await core.read(['assignments'], (tx) => tx.all('assignments')));
      list.items.sort(byDue);
      return list;
    },

    async assignmentsFor(profileId) {
      const rows = await core.read(['profiles', 'assignments'], async (tx) => {
        const profile = await core.one<Profile>('profile', tx, 'profiles', profileId);
        if (!profile) return [];
        const mine = await tx.all('assignments', { name: 'byTargetProfile', key: profileId });
        const group = profile.group === undefined ? [] : await tx.all('assignments', { name: 'byTargetGroup', key: profile.group });
        const seen = new Set(mine.map((r) => keyText(r.key)));
        return [...mine, ...group.filter((r) => !seen.has(keyText(r.key)))];
      });
      const list = core.sort<Assignment>('assignment', rows);
      list.items.sort(byDue);
      return list;
    },

    deleteAssignment(id) {
      return core.write(['assignments'], (tx) => tx.delete('assignments', id));
    },

    moveAssignment(id, scenarioVersion) {
      return core.write(['assignments'], async (tx) => {
        const a = await core.one<Assignment>('assignment', tx, 'assignments', id);
        if (!a) throw notFound('assignment', id);
        const moved: Assignment = { ...a, scenarioVersion };
        mustBe('assignment', moved);
        await tx.put('assignments', moved);
        return moved;
      });
    },
  };
}

export function settingStore(core: StoreCore): SettingStore {
  return {
    async getSetting(key) {
      return (await core.read(['settings'], (tx) => core.one<Setting>('setting', tx, 'settings', key)))?.value;
    },

    async setSetting(key, value) {
      const setting: Setting = { key, value: structuredClone(value) };
      mustBe('setting', setting);
      await core.write(['settings'], (tx) => tx.put('settings', setting));
    },

    deleteSetting(key) {
      return core.write(['settings'], (tx) => tx.delete('settings', key));
    },
  };
}
