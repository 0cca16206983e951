/**
 * Assignments: give a scenario to a group or a trainee (mode, optional due
 * date — today or later —, optional higher pass mark, optional fault forced
 * for an exam, optional number of attempts per trainee), see each one's
 * progress and the scenario version it is pinned to, move it to a newer
 * version, delete one.
 */
import type { Scenario } from '../../engine/types';
import { t, tr } from '../../i18n';
import { today } from '../../engine/dueDate';
import { isPassMark } from '../../engine/score';
import { h, readNumber } from '../dom';
import { formatDay, statusLine } from './areaFrame';

export interface AssignmentInput {
  scenarioId: string;
  scenarioVersion: number;
  target: { group: string } | { profileId: string };
  mode: 'training' | 'assessment';
  due?: string;
  passMark?: number;
  forcedFault?: string;
  maxAttempts?: number;
}

export interface AssignmentItem {
  id: string;
  scenarioTitle: string;
  targetLabel: string;
  /** The target label is a trainee's name (not to be translated). */
  targetIsName?: boolean;
  mode: 'training' | 'assessment';
  due?: string;
  passMark?: number;
  /** The forced fault's title, "none" text, or undefined for the scenario's own draw. */
  faultLabel?: string;
  /** Trainees targeted, and how many of them have passed / tried it. */
  trainees: number;
  passed: number;
  tried: number;
  /** The scenario version the assignment plays (absent: made before versions were pinned, the newest). */
  version?: number;
  /** The pinned version is not on this device. */
  missing?: boolean;
  /** A newer version on this device the instructor may move the assignment to. */
  newer?: number;
  maxAttempts?: number;
  /** Trainees targeted who have not passed it and whose due date has passed. */
  late: number;
}

export interface AssignScreenOptions {
  scenarios: Scenario[];
  groups: string[];
  trainees: { id: string; name: string; group?: string }[];
  assignments: AssignmentItem[];
  message?: { text: string; tone: 'good' | 'bad' };
  create(input: AssignmentInput): Promise<string | null>;
  remove(id: string): Promise<void>;
  /** Moves the assignment to another version of its scenario. */
  move(id: string, version: number): Promise<void>;
  /** The tablet's clock (ms; default Date.now): no due date before its day. */
  now?: number;
}

export function assignScreen(o: AssignScreenOptions): HTMLElement {
  const error = h('p', { class: 'form-error', role: 'alert' });
  const scenario = h(
    'select',
    { id: 'assign-scenario', 'data-key': 'assign-scenario', onchange: () => refreshScenario() },
    o.scenarios.map((s) => h('option', { value: `${s.id}@${s.version}` }, `${tr(s.title)} (v${s.version})`)),
  );
  const defaultKind = o.groups.length ? 'group' : 'trainee';
  const targetKind = (value: 'group' | 'trainee', label: string) =>
    h('label', { class: 'choice' }, h('input', { type: 'radio', name: 'assign-target-kind', value, checked: value === defaultKind, onchange: () => refreshTarget() }), h('span', {}, label));
  const kindGroup = targetKind('group', t('instructor.assign.toGroup'));
  const kindTrainee = targetKind('trainee', t('instructor.assign.toTrainee'));
  const group = h('select', { id: 'assign-group', 'data-key': 'assign-group' }, o.groups.map((g) => h('option', { value: g }, g)));
  const trainee = h(
    'select',
    { id: 'assign-trainee', 'data-key': 'assign-trainee' },
    o.trainees.map((p) => h('option', { value: p.id }, p.group ? `${p.name} (${p.group})` : p.name)),
  );
  const groupField = h('div', { class: 'field' }, h('label', { for: 'assign-group' }, t('instructor.assign.group')), group);
  const traineeField = h('div', { class: 'field' }, h('label', { for: 'assign-trainee' }, t('instructor.assign.trainee')), trainee);
  const modeChoice = (value: 'training' | 'assessment') =>
    h('label', { class: 'choice' }, h('input', { type: 'radio', name: 'assign-mode', value, checked: value === 'training' }), h('span', {}, t(`mode.${value}`)));
  const due = h('input', { id: 'assign-due', type: 'date', 'data-key': 'assign-due', min: today(o.now ?? Date.now()) });
  const maxAttempts = h('input', { id: 'assign-max', type: 'number', inputmode: 'numeric', min: 1, max: 99, step: 1, 'data-key': 'assign-max', 'aria-describedby': 'assign-max-help' });
  // the limit counts what this tablet holds: attempts made on another one count once its data is imported here
  const maxHelp = h('small', { id: 'assign-max-help', class: 'muted' }, t('instructor.assign.maxPerTablet'));
  const passMark = h('input', { id: 'assign-pass', type: 'number', inputmode: 'numeric', min: 0, max: 100, step: 1, 'data-key': 'assign-pass' });
  const passHelp = h('small', { id: 'assign-pass-help', class: 'muted' });
  passMark.setAttribute('aria-describedby', 'assign-pass-help');
  const fault = h('select', { id: 'assign-fault', 'data-key': 'assign-fault' });

  const chosen = (): Scenario | undefined => o.scenarios.find((s) => `${s.id}@${s.version}` === scenario.value);
  function refreshScenario() {
    const s = chosen();
    fault.replaceChildren(
      h('option', { value: '' }, t('instructor.assign.faultRandom')),
      h('option', { value: 'none' }, t('instructor.assign.faultNone')),
      ...(s?.faults ?? []).map((f) => h('option', { value: f.id }, tr(f.title))),
    );
    passMark.min = String((s?.passMark ?? 0) + 1);
    passHelp.textContent = s ? t('instructor.assign.passHelp', { passMark: s.passMark }) : '';
  }
  function refreshTarget() {
    const toGroup = (kindGroup.querySelector('input') as HTMLInputElement).checked;
    groupField.hidden = !toGroup;
    traineeField.hidden = toGroup;
  }
  refreshScenario();
  refreshTarget();

  const form = h(
    'form',
    {
      novalidate: true,
      class: 'assign-form card-form',
      onsubmit: async (e: Event) => {
        e.preventDefault();
        const s = chosen();
        if (!s) return;
        const toGroup = (kindGroup.querySelector('input') as HTMLInputElement).checked;
        if (toGroup && !group.value) return void (error.textContent = t('instructor.assign.needGroup'));
        if (!toGroup && !trainee.value) return void (error.textContent = t('instructor.assign.needTrainee'));
        let mark: number | undefined;
        if (passMark.value.trim() !== '') {
          mark = readNumber(passMark);
          if (mark === undefined || !isPassMark(mark) || mark <= s.passMark) {
            error.textContent = t('instructor.assign.passInvalid', { passMark: s.passMark });
            return passMark.focus();
          }
        }
        if (due.value && due.value < today(o.now ?? Date.now())) {
          error.textContent = t('instructor.assign.duePast');
          return due.focus();
        }
        let max: number | undefined;
        if (maxAttempts.value.trim() !== '') {
          max = readNumber(maxAttempts);
          if (max === undefined || !Number.isInteger(max) || max < 1 || max > 99) {
            error.textContent = t('instructor.assign.maxInvalid');
            return maxAttempts.focus();
          }
        }
        const mode = (form.querySelector('input[name="assign-mode"]:checked') as HTMLInputElement | null)?.value === 'assessment' ? 'assessment' : 'training';
        error.textContent =
          (await o.create({
            scenarioId: s.id,
            scenarioVersion: s.version,
            target: toGroup ? { group: group.value } : { profileId: trainee.value },
            mode,
            ...(due.value ? { due: due.value } : {}),
            ...(mark !== undefined ? { passMark: mark } : {}),
            ...(fault.value ? { forcedFault: fault.value } : {}),
            ...(max !== undefined ? { maxAttempts: max } : {}),
          })) ?? '';
      },
    },
    h('h4', {}, t('instructor.assign.new')),
    h('div', { class: 'field' }, h('label', { for: 'assign-scenario' }, t('instructor.assign.scenario')), scenario),
    h('fieldset', { class: 'choices' }, h('legend', {}, t('instructor.assign.target')), kindGroup, kindTrainee),
    groupField,
    traineeField,
    h('fieldset', { class: 'choices' }, h('legend', {}, t('instructor.assign.mode')), modeChoice('training'), modeChoice('assessment')),
    h('div', { class: 'field' }, h('label', { for: 'assign-due' }, t('instructor.assign.due')), due),
    h('div', { class: 'field' }, h('label', { for: 'assign-pass' }, t('instructor.assign.passMark')), passMark, passHelp),
    h('div', { class: 'field' }, h('label', { for: 'assign-fault' }, t('instructor.assign.fault')), fault),
    h('div', { class: 'field' }, h('label', { for: 'assign-max' }, t('instructor.assign.maxAttempts')), maxAttempts, maxHelp),
    error,
    h('button', { type: 'submit', class: 'primary', 'data-key': 'assign-go' }, t('instructor.assign.create')),
  );

  return h(
    'section',
    { class: 'assign-screen', 'aria-labelledby': 'assign-h' },
    h('h3', { id: 'assign-h', tabindex: -1 }, t('instructor.assign.heading')),
    o.message ? statusLine(o.message.text, o.message.tone) : null,
    !o.groups.length && !o.trainees.length ? h('p', { class: 'muted' }, t('instructor.assign.noClass')) : form,
    h('h4', {}, t('instructor.assign.list')),
    o.assignments.length
      ? h(
          'ul',
          { class: 'assignment-list', role: 'list' },
          o.assignments.map((a) =>
            h(
              'li',
              { class: 'assignment-item', 'data-assignment': a.id },
              h('strong', {}, a.scenarioTitle),
              h(
                'span',
                {},
                h('span', { translate: a.targetIsName ? 'no' : undefined }, a.targetLabel),
                ' · ',
                [
                  a.version !== undefined ? t('instructor.assign.version', { version: a.version }) : null,
                  t(`mode.${a.mode}`),
                  a.due ? t('assigned.due', { date: formatDay(a.due) }) : null,
                  a.maxAttempts !== undefined ? `${t('instructor.assign.maxShort', { count: a.maxAttempts })} ${t('instructor.assign.maxShortTablet')}` : null,
                  a.passMark !== undefined ? t('instructor.assign.passShort', { passMark: a.passMark }) : null,
                  a.faultLabel ? t('instructor.assign.faultShort', { fault: a.faultLabel }) : null,
                ]
                  .filter(Boolean)
                  .join(' · '),
              ),
              h('span', { class: 'muted' }, t('instructor.assign.progress', { passed: a.passed, tried: a.tried, count: a.trainees })),
              a.late ? h('span', { class: 'badge late' }, t('instructor.assign.late', { count: a.late })) : null,
              a.missing ? h('span', { class: 'form-error' }, t('instructor.assign.missing', { version: a.version })) : null,
              h(
                'div',
                { class: 'assignment-actions' },
                a.newer !== undefined
                  ? h(
                      'button',
                      {
                        type: 'button',
                        class: 'secondary',
                        'data-key': 'assign-move',
                        'aria-label': `${t('instructor.assign.move', { version: a.newer })} — ${a.scenarioTitle} — ${a.targetLabel}`,
                        onclick: () => {
                          if (confirm(t('instructor.assign.moveConfirm', { title: a.scenarioTitle, version: a.newer }))) void o.move(a.id, a.newer!);
                        },
                      },
                      t('instructor.assign.move', { version: a.newer }),
                    )
                  : null,
                h(
                  'button',
                  {
                    type: 'button',
                    class: 'danger',
                    'aria-label': `${t('instructor.assign.delete')} — ${a.scenarioTitle} — ${a.targetLabel}`,
                    onclick: () => {
                      if (confirm(t('instructor.assign.deleteConfirm', { title: a.scenarioTitle, target: a.targetLabel }))) void o.remove(a.id);
                    },
                  },
                  t('instructor.assign.delete'),
                ),
              ),
            ),
          ),
        )
      : h('p', { class: 'muted' }, t('instructor.assign.none')),
  );
}
