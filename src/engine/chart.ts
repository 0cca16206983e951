/**
 * A scenario's compiled machine drawn for an instructor, as a Mermaid
 * `stateDiagram-v2`: the phases of the procedure in order with the steps each
 * one judges (written in the phase's box), one region per fault with its
 * stages and the steps that answer it, then closure and the end,
 * passed or failed. It is read from the machine itself (its states, their
 * transitions and the guards' parameters), with the titles of the scenario,
 * so the drawing is what the engine runs. `npm run scenarios:chart` prints it.
 */
import { not, type AnyStateNode, type AnyTransitionDefinition } from 'xstate';
import type { CompiledScenario } from './attempt';
import { DECISION_STATE } from './compileScenario';
import type { Lang, Localized } from './types';

type Guard = { type: string; params?: Record<string, unknown> };
/** xstate's and/not guards are functions holding their guards and a check; a `not` is told by its check. */
type Combinator = { guards?: unknown[]; check?: unknown };
const NOT_CHECK = (not('x') as Combinator).check;

const WORDS = {
  running: { fr: 'Procédure en cours', en: 'Procedure running' },
  procedure: { fr: 'Procédure', en: 'Procedure' },
  closure: { fr: 'Clôture : relire et compléter le dossier de lot', en: 'Closure: review and complete the batch record' },
  review: { fr: 'Revue du dossier', en: 'Record review' },
  passed: { fr: 'Réussi', en: 'Passed' },
  failed: { fr: 'Échoué', en: 'Failed' },
  'on-hold': { fr: 'Lot mis en attente (décision correcte)', en: 'Lot put on hold (correct decision)' },
  rejected: { fr: 'Lot refusé (décision correcte)', en: 'Lot rejected (correct decision)' },
  decided: { fr: 'décision prise', en: 'decision taken' },
  fault: { fr: 'Panne', en: 'Fault' },
  faults: { fr: 'pannes', en: 'faults' },
  quiet: { fr: 'rien à signaler', en: 'quiet' },
  raised: { fr: 'survenue', en: 'raised' },
  contained: { fr: 'maîtrisée', en: 'contained' },
  documented: { fr: 'documentée', en: 'documented' },
  phaseComplete: { fr: 'étapes faites, aucune panne en attente', en: 'steps done, no fault waiting' },
  phaseHolds: { fr: 'une panne survenue y a ses étapes', en: 'a fault raised has its steps there' },
  passedOver: { fr: 'sinon la phase suivante est passée', en: 'else the next phase is passed over' },
  faultRaised: { fr: 'survient', en: 'happens' },
  faultContained: { fr: 'mesures de maîtrise faites', en: 'containment done' },
  faultDocumented: { fr: 'documentation faite', en: 'documentation done' },
  again: { fr: 'survient de nouveau', en: 'happens again' },
  passMarkReached: { fr: 'note ≥ seuil', en: 'score ≥ pass mark' },
  otherwise: { fr: 'sinon', en: 'otherwise' },
  critical: { fr: 'règle critique', en: 'critical rule' },
  submit: { fr: 'remettre le dossier de lot', en: 'submit the batch record' },
  done: { fr: 'procédure terminée', en: 'procedure done' },
} satisfies Record<string, Localized>;

/** Mermaid ids: letters, digits and underscores only (a dash would read as an arrow). */
const idOf = (...parts: string[]) => parts.join('_').replace(/[^A-Za-z0-9_]/g, '_');
/** Text between quotes (a state's name, the title): no quote, no line break. */
const quoted = (s: string) => s.replace(/"/g, "'").replace(/\s+/g, ' ').trim();
/**
 * Text after a colon (a transition's label, a line of a state): Mermaid ends
 * it at a colon or a semicolon, so a colon is written with its look-alike
 * (U+A789, "10꞉00") and a semicolon as a comma.
 */
const text = (s: string) => quoted(s).replace(/:/g, '\uA789').replace(/;/g, ',');

/** The named guards inside a guard (and/not unwrapped), with whether they are negated. */
function guardsIn(g: unknown, negated = false): { guard: Guard; negated: boolean }[] {
  if (!g) return [];
  if (typeof g === 'string') return [{ guard: { type: g }, negated }];
  if (typeof g === 'function') {
    const { guards = [], check } = g as Combinator;
    return guards.flatMap((x) => guardsIn(x, negated !== (check === NOT_CHECK)));
  }
  return [{ guard: g as Guard, negated }];
}

/** The words for a fault region's move: what happened for the fault to reach that stage from that one. */
function faultMove(from: string, to: unknown): keyof typeof WORDS {
  if (from === 'quiet') return 'faultRaised';
  if (to === 'documented') return 'faultDocumented';
  if (to === 'contained' && from === 'raised') return 'faultContained';
  return 'again';
}

export function chartOf(c: CompiledScenario, lang: Lang = 'fr'): string {
  const ix = c.index;
  const w = (k: keyof typeof WORDS) => WORDS[k][lang];
  const name = (l: Localized) => quoted(l[lang] || l.fr);
  const line = (l: Localized) => text(l[lang] || l.fr);
  const root = c.machine.root;
  const running = root.states.running!;
  const procedure = running.states.procedure!;

  /** The chart id of a state: its path below the root. */
  const chartId = (n: AnyStateNode): string => {
    const path: string[] = [];
    for (let x: AnyStateNode | undefined = n; x && x !== root; x = x.parent) path.unshift(x.key);
    if (path[0] === 'running' && path[1] === 'procedure' && path[2]) return idOf('phase', path[2]);
    if (path[0] === 'running' && path[1]?.startsWith('fault-')) return idOf(...path.slice(1));
    return idOf(path.at(-1)!);
  };
  /** The steps a state judges, in the order of its transitions. */
  const stepsJudgedBy = (n: AnyStateNode): string[] => {
    const ids = new Set<string>();
    for (const edges of n.transitions.values()) {
      for (const e of edges) for (const { guard } of guardsIn(e.guard)) if (typeof guard.params?.step === 'string') ids.add(guard.params.step);
    }
    return [...ids];
  };
  /** The decision a transition takes (a fault's `ending`, action `decide`): its words, with the fault's title. */
  const decisionOf = (e: AnyTransitionDefinition) => {
    const fault = e.actions.map((a) => a as { type?: string; params?: { fault?: string } }).find((a) => a.type === 'decide')?.params?.fault;
    const f = fault ? ix.faults.get(fault) : undefined;
    if (!f?.ending) return undefined;
    return { fault: f.id, words: `${w(DECISION_STATE[f.ending.decision])} — ${name(f.title)}` };
  };
  /** The critical rule a transition applies, if any. */
  const ruleOf = (e: AnyTransitionDefinition) => guardsIn(e.guard).find((g) => g.guard.type === 'ruleBroken')?.guard.params?.rule as string | undefined;
  const edgeLabel = (e: AnyTransitionDefinition, siblings: readonly AnyTransitionDefinition[]): string => {
    const parts: string[] = [];
    for (const { guard, negated } of guardsIn(e.guard)) {
      if (guard.type === 'ruleBroken' || guard.type === 'failsAttempt') continue;
      // a fault's region, moved by the judge's event naming the stage reached
      else if (guard.type === 'faultAt') parts.push(w(faultMove(e.source.key, guard.params?.stage)));
      else if (negated) parts.push(w('again'));
      else if (guard.type in WORDS) parts.push(w(guard.type as keyof typeof WORDS));
      else parts.push(guard.type);
    }
    if (e.eventType === 'act.submit.batch-record') parts.unshift(w('submit'));
    if (!parts.length && siblings.length > 1 && !ruleOf(e)) parts.push(w('otherwise'));
    return text(parts.join(', '));
  };

  const lines: string[] = [];
  const out = (depth: number, line: string) => lines.push(`${'  '.repeat(depth)}${line}`);
  /** Edges drawn once per pair of states, their labels joined. */
  const edges = new Map<string, { depth: number; from: string; to: string; labels: string[]; rules: string[] }>();
  const edge = (depth: number, from: string, to: string, label: string, rule?: string, apart = '') => {
    // `apart`: an edge drawn on its own beside another between the same states (a decision that ends the procedure)
    const key = `${from} ${to} ${apart}`;
    const e = edges.get(key) ?? { depth, from, to, labels: [], rules: [] };
    if (label && !e.labels.includes(label)) e.labels.push(label);
    if (rule && !e.rules.includes(rule)) e.rules.push(rule);
    edges.set(key, e);
  };
  const flush = (depth: number) => {
    for (const [key, e] of edges) {
      if (e.depth !== depth) continue;
      const labels = e.rules.length ? [...e.labels, `${w('critical')} (${e.rules.join(', ')})`] : e.labels;
      out(depth, `${e.from} --> ${e.to}${labels.length ? ` : ${labels.join(' · ')}` : ''}`);
      edges.delete(key);
    }
  };
  /** The transitions with a target that leave `n`: within its parent, or out of it (then drawn from the ancestor that is left). */
  const outgoing = (n: AnyStateNode, depth: number) => {
    const lists = [n.always ?? [], ...n.transitions.values()];
    for (const list of lists) {
      for (const e of list) {
        const target = e.target?.[0];
        if (!target) continue;
        let label = edgeLabel(e, list);
        // a phase left for the one after next, or for closure, when the next one holds nothing in this attempt
        if (list.some((x) => x !== e && guardsIn(x.guard).some((g) => g.guard.type === 'phaseHolds')) && !guardsIn(e.guard).some((g) => g.guard.type === 'phaseHolds')) label = text(`${label}, ${w('passedOver')}`);
        const decision = decisionOf(e);
        if (target.parent === n.parent) edge(depth, chartId(n), chartId(target), label, ruleOf(e));
        else {
          // leaving its composite (the last phase, to closure): drawn as the end of the composite, which
          // hands over to the target at the top level, where the machine's targets all are; a fault's
          // decision that ends the procedure is drawn as an ending of its own, named
          edge(depth, chartId(n), '[*]', decision ? text(`${label}, ${decision.words}`) : list.length > 1 ? label : '');
          let from = n.parent;
          while (from?.parent && from.parent !== target.parent) from = from.parent;
          if (from) edge(1, chartId(from), chartId(target), decision ? text(decision.words) : w('done'), undefined, decision?.fault ?? '');
        }
      }
    }
  };

  lines.push('---', `title: "${name(c.scenario.title)}"`, '---', 'stateDiagram-v2');
  out(1, `[*] --> ${chartId(running)}`);
  out(1, `state "${w('running')}" as ${chartId(running)} {`);

  // the procedure: its phases in order, each with the steps it judges
  out(2, `state "${w('procedure')}" as ${chartId(procedure)} {`);
  out(3, `[*] --> ${chartId(procedure.initial!.target[0]!)}`);
  Object.values(procedure.states).forEach((phase, i) => {
    const p = c.scenario.phases.find((x) => x.id === phase.key);
    out(3, `state "${i + 1}. ${p ? name(p.title) : phase.key}" as ${chartId(phase)}`);
    // its own steps in the file's order; the faults' steps bound to it once per title, with the faults they answer
    const judged = new Set(stepsJudgedBy(phase));
    const bound = new Map<string, { title: Localized; faults: string[] }>();
    for (const [id, st] of ix.steps) {
      if (!judged.has(id) || st.phase !== i) continue;
      if (st.fault === undefined) {
        out(3, `${chartId(phase)} : • ${line(st.step.title)}`);
        continue;
      }
      const b = bound.get(line(st.step.title)) ?? { title: st.step.title, faults: [] };
      b.faults.push(name(ix.faults.get(st.fault)!.title));
      bound.set(line(st.step.title), b);
    }
    for (const b of bound.values()) out(3, `${chartId(phase)} : • ${line(b.title)} ${text(b.faults.length > 1 ? `(${b.faults.length} ${w('faults')})` : `(${w('fault').toLowerCase()} : ${b.faults[0]})`)}`);
    outgoing(phase, 3);
  });
  flush(3);
  out(2, '}');

  // one region per fault, beside the procedure; its answer, listed by stage, is judged on `running`
  const answers = stepsJudgedBy(running);
  for (const region of Object.values(running.states)) {
    if (region === procedure) continue;
    const faultId = region.key.replace(/^fault-/, '');
    const f = ix.faults.get(faultId);
    out(2, '--');
    out(2, `state "${w('fault')} : ${f ? name(f.title) : faultId}" as ${chartId(region)} {`);
    out(3, `[*] --> ${chartId(region.initial!.target[0]!)}`);
    for (const stage of Object.values(region.states)) {
      out(3, `state "${stage.key in WORDS ? w(stage.key as keyof typeof WORDS) : stage.key}" as ${chartId(stage)}`);
      // what answers the fault at this stage: its containment while raised, its documentation once contained
      const kind = stage.key === 'raised' ? 'contain' : stage.key === 'contained' ? 'document' : undefined;
      for (const st of (f?.steps ?? []).filter((x) => x.stage === kind && answers.includes(x.id))) out(3, `${chartId(stage)} : • ${line(st.title)}`);
      outgoing(stage, 3);
    }
    flush(3);
    out(2, '}');
  }
  out(1, '}');

  for (const key of ['running', 'closure', 'review', 'passed', 'failed', 'on-hold', 'rejected']) {
    const n = root.states[key];
    if (!n) continue;
    if (key !== 'running') out(1, `state "${w(key as keyof typeof WORDS)}" as ${chartId(n)}`);
    outgoing(n, 1);
    if (n.type === 'final') edge(1, chartId(n), '[*]', '');
  }
  flush(1);
  return `${lines.join('\n')}\n`;
}
