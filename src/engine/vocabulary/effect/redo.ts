/**
 * `redo`: the answer to a fault reopens steps of the procedure, to be done
 * again (their points are not earned twice: judge.ts completeStep earns a
 * step once).
 */
import { reached } from '../../precedence.ts';
import { oneKey, quote, ref, type EffectWord } from '../word.ts';

export const redo: EffectWord<'redo'> = {
  word: 'redo',
  schema: oneKey('redo', { type: 'array', minItems: 1, uniqueItems: true, items: ref('id') }, {
    description: 'Only in a fault\'s effects or its steps\' effects: these steps of the procedure, done before the fault could happen, are open again and must be done again.',
  }),
  apply: (e, next) => {
    const done = { ...next.done };
    for (const id of e.redo) delete done[id];
    next.done = done;
    return next;
  },
  /**
   * Only in a fault raised after a step, naming steps of that step's phase
   * that come before the fault can happen (the step itself or what it
   * requires, directly or not); the procedure is still in that phase while
   * the fault waits for its answer, so the steps reopened are done again there.
   */
  check: (e, at, scope) => {
    const path = `${at}.redo`;
    const { fault, scenario: s } = scope;
    if (!fault) return scope.problem(path, '"redo" reopens steps as the answer to a fault: put it in a fault\'s effects or in its steps\' effects', "« redo » rouvre des étapes en réponse à une panne : placez-le dans les effets d'une panne ou de ses étapes");
    const trigger = 'afterStep' in fault.trigger ? scope.step(fault.trigger.afterStep) : undefined;
    const byRule = [...s.rules, ...s.faults.flatMap((x) => x.rules ?? [])].some((r) => (r.effects ?? []).some((x) => 'raiseFault' in x && x.raiseFault === fault.id));
    if (!trigger || trigger.phase === undefined || byRule) {
      return scope.problem(path, `the fault ${quote(fault.id)} is not raised after a step of the procedure, so no step surely comes before it: "redo" needs a fault with "afterStep"`, `la panne ${quote(fault.id)} n'est pas déclenchée après une étape de la procédure : aucune étape ne la précède à coup sûr, « redo » demande une panne avec « afterStep »`);
    }
    const before = reached([trigger.step.id], (id) => scope.step(id)?.step.requires).add(trigger.step.id);
    e.redo.forEach((id, i) => {
      const st = scope.step(id);
      if (!st) return scope.needStep(`${path}[${i}]`, id);
      if (st.fault !== undefined || st.phase === undefined) scope.problem(`${path}[${i}]`, `${quote(id)} is a fault's step: "redo" reopens steps of the procedure`, `${quote(id)} est une étape de panne : « redo » rouvre des étapes de la procédure`);
      else if (!before.has(id) || st.phase !== trigger.phase) {
        scope.problem(`${path}[${i}]`, `${quote(id)} does not come before the fault ${quote(fault.id)} can happen: "redo" reopens the step ${quote(trigger.step.id)} that raises it, or a step it requires in the same phase`, `${quote(id)} ne précède pas la panne ${quote(fault.id)} : « redo » rouvre l'étape ${quote(trigger.step.id)} qui la déclenche, ou une étape qu'elle requiert dans la même phase`);
      }
    });
  },
};
