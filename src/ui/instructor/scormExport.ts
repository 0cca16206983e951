/**
 * "Exporter en SCORM" (in the Scénarios tab): choose procedures (built-in
 * and imported), the standard, the mode, the pass mark and a forced fault,
 * then download a SCORM package to add to a course in the school's LMS.
 * One procedure makes its own package (its own gradebook column); several
 * make one package with one SCO each. The form checks the pass mark itself
 * and keeps every choice while the package is made or when it fails.
 */
import { t } from '../../i18n';
import { isPassMark } from '../../engine/score';
import { h } from '../dom';

export interface ScormProcedure {
  id: string;
  title: string;
  builtin: boolean;
  /** Its own pass mark (shown as the default). */
  passMark: number;
  faults: { id: string; title: string }[];
}

export interface ScormRequest {
  ids: string[];
  standard: '1.2' | '2004';
  mode: 'training' | 'assessment';
  passMark?: number;
  fault?: string;
}

export interface ScormExportOptions {
  procedures: ScormProcedure[];
  /** Makes and downloads the package; resolves to the sentence to show, and whether it worked. */
  exportScorm(r: ScormRequest): Promise<{ ok: boolean; text: string }>;
}

/** A pass mark typed in the form: blank (each procedure's own), a whole number from 0 to 100, or wrong. */
export function readPassMark(text: string): number | undefined | 'wrong' {
  const s = text.trim();
  if (!s) return undefined;
  const n = /^\d{1,3}$/.test(s) ? Number(s) : NaN;
  return isPassMark(n) ? n : 'wrong';
}

export function scormExportForm(o: ScormExportOptions): HTMLElement {
  const status = h('p', { class: 'check-box', role: 'status', 'aria-live': 'polite', 'data-testid': 'scorm-status' });
  const say = (text: string, tone: 'good' | 'bad' | 'busy') => {
    status.className = `check-box ${tone === 'good' ? 'tone-good' : tone === 'bad' ? 'problem-box' : 'checking'}`;
    status.setAttribute('role', tone === 'bad' ? 'alert' : 'status');
    status.textContent = text;
  };
  const boxes = o.procedures.map((p) =>
    h('input', { type: 'checkbox', name: 'scorm-procedure', value: p.id, 'data-key': `scorm-p:${p.id}`, onchange: () => refresh() }),
  );
  const procedureList = h(
    'fieldset',
    { class: 'choices' },
    h('legend', {}, t('instructor.scorm.procedures')),
    o.procedures.map((p, i) => h('label', { class: 'choice' }, boxes[i]!, h('span', {}, p.builtin ? p.title : `${p.title} (${t('instructor.scorm.imported')})`))),
  );
  const radio = (name: string, value: string, label: string, checked: boolean) =>
    h('label', { class: 'choice' }, h('input', { type: 'radio', name, value, checked, 'data-key': `${name}:${value}` }), h('span', {}, label));
  const standard = h(
    'fieldset',
    { class: 'choices' },
    h('legend', {}, t('instructor.scorm.standard')),
    radio('scorm-standard', '1.2', t('instructor.scorm.standard12'), true),
    radio('scorm-standard', '2004', t('instructor.scorm.standard2004'), false),
  );
  const mode = h(
    'fieldset',
    { class: 'choices' },
    h('legend', {}, t('instructor.scorm.mode')),
    radio('scorm-mode', 'assessment', t('instructor.scorm.assessment'), true),
    radio('scorm-mode', 'training', t('instructor.scorm.training'), false),
  );
  const passError = h('p', { class: 'form-error', id: 'scorm-pass-error', 'aria-live': 'polite' });
  const passMark = h('input', { id: 'scorm-pass', type: 'text', inputmode: 'numeric', size: 4, 'data-key': 'scorm-pass', 'aria-describedby': 'scorm-pass-error' });
  const fault = h('select', { id: 'scorm-fault', 'data-key': 'scorm-fault' });
  const several = h('p', { class: 'muted', hidden: true }, t('instructor.scorm.several'));
  const go = h('button', { type: 'button', class: 'primary', 'data-key': 'scorm-go', disabled: true, onclick: () => void submit() }, t('instructor.scorm.export'));

  const chosen = () => o.procedures.filter((_, i) => boxes[i]!.checked);
  const valueOf = (name: string) => (document.querySelector(`input[name="${name}"]:checked`) as HTMLInputElement | null)?.value ?? '';

  /** The fault choice follows the procedures: a fault every chosen one has, or drawn at random. */
  function refresh() {
    const list = chosen();
    const before = fault.value;
    const common = list.length ? list[0]!.faults.filter((f) => list.every((p) => p.faults.some((x) => x.id === f.id))) : [];
    fault.replaceChildren(h('option', { value: '' }, t('instructor.scorm.faultDrawn')), ...common.map((f) => h('option', { value: f.id }, f.title)));
    fault.value = common.some((f) => f.id === before) ? before : '';
    passMark.placeholder = list.length === 1 ? String(list[0]!.passMark) : '';
    several.hidden = list.length < 2;
    go.disabled = list.length === 0;
  }

  async function submit() {
    const list = chosen();
    if (!list.length) return;
    const mark = readPassMark(passMark.value);
    if (mark === 'wrong') {
      passError.textContent = t('instructor.scorm.passWrong');
      passMark.setAttribute('aria-invalid', 'true');
      passMark.focus();
      return;
    }
    passError.textContent = '';
    passMark.removeAttribute('aria-invalid');
    go.disabled = true;
    say(t('instructor.scorm.busy'), 'busy');
    const r = await o.exportScorm({
      ids: list.map((p) => p.id),
      standard: valueOf('scorm-standard') === '2004' ? '2004' : '1.2',
      mode: valueOf('scorm-mode') === 'training' ? 'training' : 'assessment',
      ...(mark !== undefined ? { passMark: mark } : {}),
      ...(fault.value ? { fault: fault.value } : {}),
    }).catch((err: unknown) => ({ ok: false, text: String(err instanceof Error ? err.message : err) }));
    say(r.text, r.ok ? 'good' : 'bad');
    go.disabled = chosen().length === 0;
  }

  refresh();
  return h(
    'section',
    { class: 'scorm-export', 'aria-labelledby': 'scorm-h' },
    h('h4', { id: 'scorm-h' }, t('instructor.scorm.heading')),
    h('p', { class: 'muted' }, t('instructor.scorm.intro')),
    procedureList,
    several,
    standard,
    mode,
    h('div', { class: 'row' }, h('label', { for: 'scorm-pass' }, t('instructor.scorm.passMark')), passMark, h('span', { class: 'muted' }, t('instructor.scorm.passHint'))),
    passError,
    h('div', { class: 'row' }, h('label', { for: 'scorm-fault' }, t('instructor.scorm.fault')), fault),
    h('div', { class: 'row' }, go),
    status,
  );
}
