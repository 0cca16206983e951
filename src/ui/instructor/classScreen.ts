/** The class: groups and the trainees (profiles of this device) in them — create a group or a trainee, rename a trainee, move one to another group, delete one after confirmation. A trainee merged from several tablets is listed once (identity.ts); a pasted list with a name twice, or a name the group already has, asks first. */
import { nameClashes, namesOfList, sameGroup } from '../../engine/identity';
import { t } from '../../i18n';
import { h } from '../dom';
import { statusLine } from './areaFrame';

/** Where the groups of the class are kept (the settings): created by the instructor, chosen from on the profile screen. */
export const GROUPS_KEY = 'class.groups';

export interface ClassTrainee {
  /** The trainee's first profile: the callbacks act on every profile of the trainee. */
  id: string;
  name: string;
  group?: string;
  /** Finished attempts, over all the trainee's profiles. */
  attempts: number;
  /** How many profiles (tablets) this trainee has here; 1 when absent. */
  profiles?: number;
  /** Their trainee code: on every profile ('all'), on some only ('some': a tablet merged since), absent: none. */
  code?: 'all' | 'some';
}

/**
 * The question to ask before creating these names in the group, or null:
 * names written twice in the list, names the group already has.
 */
export function duplicateQuestion(text: string, group: string, trainees: readonly { name: string; group?: string }[]): string | null {
  const taken = trainees.filter((p) => sameGroup(p.group, group)).map((p) => p.name);
  const c = nameClashes(namesOfList(text), taken);
  const parts = [c.repeated.length ? t('instructor.class.repeated', { names: c.repeated.join(', ') }) : null, c.existing.length ? t('instructor.class.existing', { names: c.existing.join(', ') }) : null].filter(Boolean);
  return parts.length ? `${parts.join(' ')} ${t('instructor.class.createAnyway')}` : null;
}

export interface ClassScreenOptions {
  /** Every group name known (those of profiles and those created empty), sorted. */
  groups: string[];
  trainees: ClassTrainee[];
  message?: { text: string; tone: 'good' | 'bad' };
  /** The group chosen for the last trainee created (kept for the next one). */
  lastGroup?: string;
  /** Each returns null when done, else the sentence saying why not. createTrainee takes one name per line. */
  createGroup(name: string): Promise<string | null>;
  removeGroup(name: string): Promise<string | null>;
  createTrainee(name: string, group: string): Promise<string | null>;
  rename(id: string, name: string): Promise<string | null>;
  move(id: string, group: string): Promise<string | null>;
  remove(id: string): Promise<string | null>;
  /** Sets the trainee code (4 digits) on every profile of the trainee, or removes it (null). */
  setCode(id: string, code: string | null): Promise<string | null>;
}

function groupSelect(id: string, groups: string[], selected: string | undefined, key: string) {
  return h(
    'select',
    { id, 'data-key': key },
    h('option', { value: '', selected: !selected }, t('instructor.class.noGroup')),
    groups.map((g) => h('option', { value: g, selected: selected !== undefined && sameGroup(g, selected) }, g)),
  );
}

function traineeRow(o: ClassScreenOptions, p: ClassTrainee, error: HTMLElement) {
  const nameId = `rename-${p.id}`;
  const moveId = `move-${p.id}`;
  const codeId = `code-${p.id}`;
  const code = h('input', { id: codeId, type: 'password', inputmode: 'numeric', maxlength: 4, autocomplete: 'off', class: 'pin-input', 'data-key': codeId });
  const name = h('input', { id: nameId, type: 'text', value: p.name, maxlength: 80, autocomplete: 'off', 'data-key': nameId });
  const move = groupSelect(moveId, o.groups, p.group, moveId);
  const report = async (work: Promise<string | null>) => {
    error.textContent = (await work) ?? '';
  };
  return h(
    'li',
    { class: 'trainee-row', 'data-trainee': p.id },
    h('span', { class: 'trainee-name', translate: 'no' }, p.name),
    h('span', { class: 'muted' }, t('instructor.class.attempts', { count: p.attempts })),
    (p.profiles ?? 1) > 1 ? h('span', { class: 'muted', 'data-testid': 'profiles' }, t('instructor.class.profiles', { count: p.profiles })) : null,
    p.code ? h('span', { class: 'muted', 'data-testid': 'has-code' }, t(p.code === 'all' ? 'instructor.class.hasCode' : 'instructor.class.someCode')) : null,
    h(
      'details',
      { class: 'trainee-edit' },
      h('summary', { 'data-key': `edit-${p.id}`, 'aria-label': `${t('instructor.class.edit')} — ${p.name}` }, t('instructor.class.edit')),
      h(
        'form',
        { novalidate: true, class: 'inline-form', onsubmit: (e: Event) => (e.preventDefault(), void report(o.rename(p.id, name.value))) },
        h('label', { for: nameId }, t('instructor.class.newName')),
        name,
        h('button', { type: 'submit', 'data-key': `rename-go-${p.id}` }, t('instructor.class.rename')),
      ),
      h(
        'form',
        { novalidate: true, class: 'inline-form', onsubmit: (e: Event) => (e.preventDefault(), void report(o.move(p.id, move.value))) },
        h('label', { for: moveId }, t('instructor.class.moveTo')),
        move,
        h('button', { type: 'submit', 'data-key': `move-go-${p.id}` }, t('instructor.class.move')),
      ),
      h(
        'form',
        { novalidate: true, class: 'inline-form trainee-code', onsubmit: (e: Event) => (e.preventDefault(), void report(o.setCode(p.id, code.value))) },
        h('label', { for: codeId }, t('instructor.class.code')),
        code,
        h('button', { type: 'submit', 'data-key': `code-go-${p.id}` }, t('instructor.class.setCode')),
        p.code ? h('button', { type: 'button', class: 'secondary', 'data-key': `code-remove-${p.id}`, onclick: () => void report(o.setCode(p.id, null)) }, t('instructor.class.removeCode')) : null,
        h('p', { class: 'muted' }, t('instructor.class.codeHelp')),
      ),
      h(
        'button',
        {
          type: 'button',
          class: 'danger',
          'data-key': `delete-${p.id}`,
          onclick: () => {
            if (confirm(t('instructor.class.deleteConfirm', { name: p.name, count: p.attempts }))) void report(o.remove(p.id));
          },
        },
        t('instructor.class.delete'),
      ),
    ),
  );
}

export function classScreen(o: ClassScreenOptions): HTMLElement {
  const error = h('p', { class: 'form-error', role: 'alert' });
  const groupName = h('input', { id: 'new-group', type: 'text', maxlength: 80, autocomplete: 'off', 'data-key': 'new-group' });
  const traineeName = h('textarea', { id: 'new-trainee', rows: 2, autocomplete: 'off', spellcheck: 'false', 'data-key': 'new-trainee' });
  const preset = o.lastGroup !== undefined && o.groups.includes(o.lastGroup) ? o.lastGroup : o.groups.length === 1 ? o.groups[0] : undefined;
  const traineeGroup = groupSelect('new-trainee-group', o.groups, preset, 'new-trainee-group');
  const report = async (work: Promise<string | null>) => {
    error.textContent = (await work) ?? '';
  };
  const sections: { name: string | undefined; trainees: ClassTrainee[] }[] = o.groups.map((g) => ({ name: g, trainees: o.trainees.filter((p) => sameGroup(p.group, g)) }));
  const loose = o.trainees.filter((p) => !p.group || !o.groups.some((g) => sameGroup(g, p.group)));
  if (loose.length) sections.push({ name: undefined, trainees: loose });
  return h(
    'section',
    { class: 'class-screen', 'aria-labelledby': 'class-h' },
    h('h3', { id: 'class-h', tabindex: -1 }, t('instructor.class.heading')),
    h('p', { class: 'muted' }, t('instructor.class.intro')),
    o.message ? statusLine(o.message.text, o.message.tone) : null,
    error,
    h(
      'div',
      { class: 'form-pair' },
      h(
        'form',
        { novalidate: true, class: 'card-form', onsubmit: (e: Event) => (e.preventDefault(), void report(o.createGroup(groupName.value))) },
        h('h4', {}, t('instructor.class.newGroup')),
        h('label', { for: 'new-group' }, t('instructor.class.groupName')),
        groupName,
        h('button', { type: 'submit', class: 'primary', 'data-key': 'new-group-go' }, t('instructor.class.createGroup')),
      ),
      h(
        'form',
        {
          novalidate: true,
          class: 'card-form',
          onsubmit: (e: Event) => {
            e.preventDefault();
            const question = duplicateQuestion(traineeName.value, traineeGroup.value, o.trainees);
            if (question && !confirm(question)) {
              error.textContent = t('instructor.class.nothingCreated');
              return;
            }
            void report(o.createTrainee(traineeName.value, traineeGroup.value));
          },
        },
        h('h4', {}, t('instructor.class.newTrainee')),
        h('label', { for: 'new-trainee' }, t('instructor.class.traineeName')),
        traineeName,
        h('label', { for: 'new-trainee-group' }, t('instructor.class.group')),
        traineeGroup,
        h('button', { type: 'submit', class: 'primary', 'data-key': 'new-trainee-go' }, t('instructor.class.createTrainee')),
      ),
    ),
    sections.length
      ? sections.map((s) =>
          h(
            'section',
            { class: 'group-card', 'data-group': s.name ?? '' },
            h(
              'div',
              { class: 'group-head' },
              h('h4', {}, s.name ? t('instructor.class.groupTitle', { group: s.name, count: s.trainees.length }) : t('instructor.class.noGroupTitle', { count: s.trainees.length })),
              s.name && !s.trainees.length
                ? h('button', { type: 'button', class: 'secondary', 'data-key': `remove-group-${s.name}`, onclick: () => void report(o.removeGroup(s.name!)) }, t('instructor.class.removeGroup'))
                : null,
            ),
            s.trainees.length ? h('ul', { class: 'trainee-list', role: 'list' }, s.trainees.map((p) => traineeRow(o, p, error))) : h('p', { class: 'muted' }, t('instructor.class.emptyGroup')),
          ),
        )
      : h('p', { class: 'muted' }, t('instructor.class.none')),
  );
}
