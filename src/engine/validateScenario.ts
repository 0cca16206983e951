/**
 * Reads a scenario file and lists every problem at once, each as a JSON path
 * and a plain sentence in French and English: the JSON Schema (ajv) first,
 * then what a schema cannot say (unknown or duplicate ids, prerequisite
 * cycles, missing translations, steps that could never be done).
 */
import Ajv2020 from 'ajv/dist/2020.js';
import { checkEndings } from './ending.ts';
import { checkLooks } from './look.ts';
import { placedRules, undeclaredOverlaps, type PlacedRule } from './precedence.ts';
import { checkLots } from './lots.ts';
import { checkRecordText } from './recordText.ts';
// with its extension: vite.config.ts loads this module natively (the build's scenario check)
import { ROOM_STATIONS } from './rooms.ts';
import { everyEffect } from './scenarioIndex.ts';
import { scenarioSchema } from './scenarioSchema.ts';
import { PATTERNS } from './schemaPatterns.ts';
import { READ_VERB, type Condition, type Effect, type Expr, type Fault, type Localized, type RoomObject, type Rule, type Scenario, type Step } from './types.ts';
import { conditionWord, effectWord, exprWord, misplacedWords } from './vocabulary/index.ts';
import type { CheckScope } from './vocabulary/word.ts';

export const MAX_SCENARIO_BYTES = 2 * 1024 * 1024;

export interface Problem {
  path: string;
  message: Localized;
}

export type Validation = { ok: true; scenario: Scenario; problems: [] } | { ok: false; problems: Problem[] };

const say = (path: string, en: string, fr: string): Problem => ({ path, message: { en, fr } });

let compiled: ReturnType<Ajv2020['compile']> | undefined;
function schemaValidator() {
  if (!compiled) {
    const ajv = new Ajv2020({ allErrors: true, strict: false });
    // the schema's one source (scenarios/scenario.schema.json is written from it for editors)
    compiled = ajv.compile(scenarioSchema());
  }
  return compiled;
}

/** `/steps/3/requires/0` → `steps[3].requires[0]` */
export function toPath(pointer: string): string {
  const parts = pointer.split('/').slice(1).map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
  let out = '';
  for (const p of parts) out += /^\d+$/.test(p) ? `[${p}]` : out ? `.${p}` : p;
  return out || '(file)';
}

const quote = (s: unknown) => `"${String(s)}"`;

interface AjvError {
  instancePath: string;
  schemaPath?: string;
  keyword: string;
  params: Record<string, unknown>;
  message?: string;
}

function schemaProblem(e: AjvError): Problem | null {
  const path = toPath(e.instancePath);
  const p = e.params;
  switch (e.keyword) {
    case 'required':
      return say(path, `${quote(p.missingProperty)} is missing`, `le champ ${quote(p.missingProperty)} manque`);
    case 'additionalProperties':
    case 'unevaluatedProperties': {
      const extra = (p.additionalProperty ?? p.unevaluatedProperty) as string;
      return say(path, `unknown field ${quote(extra)}`, `champ inconnu ${quote(extra)}`);
    }
    case 'type':
      return say(path, `should be of type ${p.type}`, `devrait être de type ${p.type}`);
    case 'enum':
      return say(path, `should be one of ${(p.allowedValues as unknown[]).map(quote).join(', ')}`, `devrait valoir l'un de ${(p.allowedValues as unknown[]).map(quote).join(', ')}`);
    case 'const':
      return say(path, `should be ${JSON.stringify(p.allowedValue)}`, `devrait valoir ${JSON.stringify(p.allowedValue)}`);
    case 'pattern': {
      // each pattern of the schema says what it asks for (scenarioSchema.ts PATTERNS)
      const known = Object.values(PATTERNS).find((x) => x.pattern === p.pattern);
      return known ? say(path, known.en, known.fr) : say(path, `should match the pattern ${p.pattern}`, `devrait respecter le motif ${p.pattern}`);
    }
    case 'minLength':
      return say(path, 'should not be empty', 'ne doit pas être vide');
    case 'maxLength':
      return say(path, `is longer than ${p.limit} characters`, `dépasse ${p.limit} caractères`);
    case 'minItems':
      return say(path, `needs at least ${p.limit} item(s)`, `demande au moins ${p.limit} élément(s)`);
    case 'maxItems':
      return say(path, `has more than ${p.limit} items`, `a plus de ${p.limit} éléments`);
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
      return say(path, `should be ${p.comparison} ${p.limit}`, `devrait être ${p.comparison} ${p.limit}`);
    case 'uniqueItems':
      return say(path, 'has the same item twice', 'contient deux fois le même élément');
    case 'oneOfWords': {
      const words = (p.words as string[]).map(quote).join(', ');
      const unknown = p.unknown === undefined ? ['', ''] : [`unknown word ${quote(p.unknown)}: `, `mot inconnu ${quote(p.unknown)} : `];
      return say(path, `${unknown[0]}should be one of the forms ${words}`, `${unknown[1]}devrait prendre l'une des formes ${words}`);
    }
    case 'oneOf':
    case 'anyOf':
    case 'if':
    case 'allOf':
      return null; // the errors of the branches say more
    default:
      return say(path, e.message ?? 'is not valid', e.message ? `non valide (${e.message})` : 'non valide');
  }
}

/** Refuses what is not a plain JSON object: prototype keys anywhere are hostile. */
function findHostileKeys(value: unknown, path: string, out: Problem[]): void {
  if (value === null || typeof value !== 'object') return;
  if (Array.isArray(value)) {
    value.forEach((v, i) => findHostileKeys(v, `${path}[${i}]`, out));
    return;
  }
  for (const key of Object.keys(value)) {
    const here = path ? `${path}.${key}` : key;
    if (key === '__proto__' || key === 'constructor' || key === 'prototype') {
      out.push(say(here, `the key ${quote(key)} is not allowed`, `la clé ${quote(key)} est interdite`));
    } else findHostileKeys((value as Record<string, unknown>)[key], here, out);
  }
}

/**
 * Where JSON.parse stopped, as a line and column an author finds in an
 * editor: read from the parser's message ("at position 80", or "line 3
 * column 14"), whose words are the browser's own and in English, so never
 * shown. 'end' when the text stops too early; undefined when the message
 * gives no place.
 */
export function jsonErrorAt(text: string, message: string): { line: number; column: number } | 'end' | undefined {
  if (/end of (JSON|data)/i.test(message)) return 'end';
  const lc = /line (\d+) column (\d+)/.exec(message);
  if (lc) return { line: Number(lc[1]), column: Number(lc[2]) };
  const pos = /position (\d+)/.exec(message);
  if (!pos) return undefined;
  if (Number(pos[1]) >= text.trimEnd().length) return 'end';
  const before = text.slice(0, Number(pos[1]));
  const lines = before.split('\n');
  return { line: lines.length, column: lines.at(-1)!.length + 1 };
}

export function parseScenarioText(text: string, maxBytes = MAX_SCENARIO_BYTES): Validation {
  const bytes = new TextEncoder().encode(text).length;
  if (bytes > maxBytes) {
    const mb = (maxBytes / 1024 / 1024).toFixed(0);
    const size = (bytes / 1024 / 1024).toFixed(1);
    return { ok: false, problems: [say('(file)', `the file is ${size} MB; a scenario may not exceed ${mb} MB`, `le fichier fait ${size.replace('.', ',')} Mo ; un scénario ne peut dépasser ${mb} Mo`)] };
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    const where = jsonErrorAt(text, err instanceof Error ? err.message : String(err));
    const problem =
      where === 'end'
        ? say('(file)', 'this is not valid JSON (the file stops before its end: it may be cut short)', "ce n'est pas du JSON valide (le fichier s'arrête avant sa fin : il est peut-être tronqué)")
        : where
          ? say('(file)', `this is not valid JSON (line ${where.line}, column ${where.column}: a comma, quote or bracket is missing or extra there)`, `ce n'est pas du JSON valide (ligne ${where.line}, colonne ${where.column} : il y manque ou il y a en trop une virgule, un guillemet ou une accolade)`)
          : say('(file)', 'this is not valid JSON (check its commas, quotes and brackets)', "ce n'est pas du JSON valide (vérifiez ses virgules, guillemets et accolades)");
    return { ok: false, problems: [problem] };
  }
  return validateScenario(data);
}

export function validateScenario(data: unknown): Validation {
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    const what = Array.isArray(data) ? ['an array', 'un tableau'] : data === null ? ['null', 'null'] : [typeof data, typeof data];
    return { ok: false, problems: [say('(file)', `a scenario must be a JSON object, not ${what[0]}`, `un scénario doit être un objet JSON, pas ${what[1]}`)] };
  }
  const hostile: Problem[] = [];
  findHostileKeys(data, '', hostile);
  if (hostile.length) return { ok: false, problems: hostile };
  const validate = schemaValidator();
  if (!validate(data)) {
    const seen = new Set<string>();
    const problems: Problem[] = [];
    for (const e of oneOfBranches((validate.errors ?? []) as AjvError[])) {
      const p = schemaProblem(e);
      if (!p) continue;
      const key = p.path + p.message.en;
      if (seen.has(key)) continue;
      seen.add(key);
      problems.push(p);
    }
    if (!problems.length) problems.push(say('(file)', 'does not match the scenario schema', 'ne respecte pas le schéma des scénarios'));
    return { ok: false, problems: dropOneOfNoise(problems) };
  }
  const problems = checkMeaning(data as Scenario);
  return problems.length ? { ok: false, problems } : { ok: true, scenario: data as Scenario, problems: [] };
}

/**
 * A condition or an effect is one of several forms (oneOf), and ajv reports
 * every form it is not: `{"all": []}` gave ten lines "\"done\" is missing",
 * "\"notDone\" is missing"… before the one that mattered. Where a form's own
 * mistake lies deeper (`when.all` needs an item), only that one is kept;
 * where no form fits at all, the missing words become one line naming them.
 */
function oneOfBranches(errors: AjvError[]): AjvError[] {
  const branch = (e: AjvError) => (e.keyword === 'required' || e.keyword === 'additionalProperties') && /\/oneOf\/\d+\//.test(e.schemaPath ?? '');
  const deeper = (path: string) => errors.some((e) => e.instancePath.startsWith(path + '/') && !branch(e));
  const out: AjvError[] = [];
  const merged = new Map<string, AjvError>();
  for (const e of errors) {
    if (!branch(e)) out.push(e);
    else if (deeper(e.instancePath)) continue;
    else if (e.keyword === 'required') {
      const m = merged.get(e.instancePath);
      if (m) (m.params.words as string[]).push(String(e.params.missingProperty));
      else {
        const one: AjvError = { instancePath: e.instancePath, keyword: 'oneOfWords', params: { words: [String(e.params.missingProperty)] } };
        merged.set(e.instancePath, one);
        out.push(one);
      }
    }
  }
  // an unknown word beside the forms is said once, in the merged line
  for (const e of errors) {
    const m = branch(e) && e.keyword === 'additionalProperties' ? merged.get(e.instancePath) : undefined;
    if (m) m.params.unknown = e.params.additionalProperty;
  }
  return out;
}

/** oneOf reports every branch; keep the deepest paths, which name the actual mistake. */
function dropOneOfNoise(problems: Problem[]): Problem[] {
  return problems.filter((p) => !problems.some((q) => q !== p && q.path.startsWith(p.path + '.') && p.message.en.startsWith('unknown field')));
}

/* ---------- what the schema cannot say ---------- */

export function checkMeaning(s: Scenario): Problem[] {
  const out: Problem[] = [];
  const objects = new Map(s.objects.map((o) => [o.id, o]));
  const phases = new Map(s.phases.map((p, i) => [p.id, i]));
  const faults = new Map(s.faults.map((f) => [f.id, f]));
  const allSteps: { step: Step; path: string; phase?: number; fault?: string }[] = [
    ...s.steps.map((st, i) => ({ step: st as Step, path: `steps[${i}]`, phase: phases.get(st.phase) })),
    // a fault's step bound to a later phase (its `phase`) belongs to that phase
    ...s.faults.flatMap((f, fi) => f.steps.map((st, i) => ({ step: st as Step, path: `faults[${fi}].steps[${i}]`, fault: f.id, ...(st.phase !== undefined && phases.has(st.phase) ? { phase: phases.get(st.phase) } : {}) }))),
  ];
  const stepIds = new Map<string, (typeof allSteps)[number]>();

  const dup = (kind: [string, string], list: { id: string }[], at: (i: number) => string, seen = new Set<string>()) => {
    list.forEach((x, i) => {
      if (seen.has(x.id)) out.push(say(`${at(i)}.id`, `another ${kind[0]} is already called ${quote(x.id)}`, `un(e) autre ${kind[1]} s'appelle déjà ${quote(x.id)}`));
      seen.add(x.id);
    });
  };
  dup(['phase', 'phase'], s.phases, (i) => `phases[${i}]`);
  dup(['object', 'objet'], s.objects, (i) => `objects[${i}]`);
  dup(['fault', 'panne'], s.faults, (i) => `faults[${i}]`);
  dup(['record entry', 'case du dossier'], s.record, (i) => `record[${i}]`);
  const ruleList = placedRules(s);
  dup(['rule', 'règle'], ruleList.map((r) => r.rule), (i) => ruleList[i]!.path);
  for (const st of allSteps) {
    if (stepIds.has(st.step.id)) out.push(say(`${st.path}.id`, `another step is already called ${quote(st.step.id)}`, `une autre étape s'appelle déjà ${quote(st.step.id)}`));
    else stepIds.set(st.step.id, st);
  }
  s.record.forEach((e, i) => {
    if (objects.has(e.id)) out.push(say(`record[${i}].id`, `${quote(e.id)} is already the id of an object`, `${quote(e.id)} est déjà l'identifiant d'un objet`));
  });
  if (objects.has('batch-record')) out.push(say('objects', '"batch-record" is reserved for the batch record', '"batch-record" est réservé au dossier de lot'));

  const needStep = (path: string, id: string) => {
    if (!stepIds.has(id)) out.push(say(path, `no step is called ${quote(id)}`, `aucune étape ne s'appelle ${quote(id)}`));
  };
  const needObject = (path: string, id: string) => {
    if (!objects.has(id)) out.push(say(path, `no object is called ${quote(id)}`, `aucun objet ne s'appelle ${quote(id)}`));
    return objects.get(id);
  };
  const needReading = (path: string, o: RoomObject, reading: string) => {
    const r = (o.readings ?? []).find((x) => x.id === reading);
    if (!r) out.push(say(path, `the object ${quote(o.id)} has no reading ${quote(reading)}`, `l'objet ${quote(o.id)} n'a pas de lecture ${quote(reading)}`));
    return r;
  };
  const needFault = (path: string, id: string) => {
    if (!faults.has(id)) out.push(say(path, `no fault is called ${quote(id)}`, `aucune panne ne s'appelle ${quote(id)}`));
  };
  const checkExpr = (e: Expr | undefined, path: string) => {
    if (e !== undefined && typeof e !== 'number') exprWord(e)?.check(e as never, path, anywhere);
  };
  /** What a word's check may ask (vocabulary/word.ts); `fault`: the fault whose effects are checked. */
  const scope = (fault?: Fault): CheckScope => ({
    scenario: s,
    problem: (path, en, fr) => void out.push(say(path, en, fr)),
    problems: (list) => void out.push(...list),
    step: (id) => stepIds.get(id),
    needStep,
    needObject,
    needReading: (path, o, reading) => void needReading(path, o, reading),
    needFault,
    expr: checkExpr,
    setsValue: (id, reading) => setsValue(s, id, reading),
    condition: (c, path) => checkCond(c, path),
    fault,
  });
  const anywhere = scope();
  const checkCond = (c: Condition | undefined, path: string): void => {
    if (c) conditionWord(c)?.check(c as never, path, anywhere);
  };
  const checkEffects = (effects: Effect[] | undefined, path: string, fault?: Fault) => {
    const here = fault ? scope(fault) : anywhere;
    (effects ?? []).forEach((e, i) => effectWord(e)?.check(e as never, `${path}[${i}]`, here));
  };

  s.objects.forEach((o, i) => {
    if (!(o.state in o.states)) out.push(say(`objects[${i}].state`, `the first state ${quote(o.state)} is not among the object's states`, `l'état initial ${quote(o.state)} ne figure pas parmi les états de l'objet`));
    const verbs = new Set<string>();
    o.actions.forEach((a, ai) => {
      if (verbs.has(a.verb)) out.push(say(`objects[${i}].actions[${ai}].verb`, `the action ${quote(a.verb)} is listed twice`, `l'action ${quote(a.verb)} figure deux fois`));
      verbs.add(a.verb);
      if (['record', 'correct', 'sign', 'submit'].includes(a.verb)) out.push(say(`objects[${i}].actions[${ai}].verb`, `${quote(a.verb)} is reserved for the batch record`, `${quote(a.verb)} est réservé au dossier de lot`));
      if (a.input && a.input.min > a.input.max) out.push(say(`objects[${i}].actions[${ai}].input`, 'min is above max', 'min est supérieur à max'));
      (a.with ?? []).forEach((w, wi) => {
        needObject(`objects[${i}].actions[${ai}].with[${wi}]`, w);
        if (w === o.id) out.push(say(`objects[${i}].actions[${ai}].with[${wi}]`, 'an object cannot be the second end of its own gesture', "un objet ne peut pas être la seconde extrémité de son propre geste"));
      });
      if (a.with && a.input) out.push(say(`objects[${i}].actions[${ai}]`, 'a gesture onto another object cannot also ask for a value', 'un geste vers un autre objet ne peut pas aussi demander une valeur'));
    });
    checkExpr(o.value, `objects[${i}].value`);
    const readings = new Set<string>();
    (o.readings ?? []).forEach((r, ri) => {
      if (readings.has(r.id)) out.push(say(`objects[${i}].readings[${ri}].id`, `another reading of ${quote(o.id)} is already called ${quote(r.id)}`, `une autre lecture de ${quote(o.id)} s'appelle déjà ${quote(r.id)}`));
      readings.add(r.id);
      checkExpr(r.value, `objects[${i}].readings[${ri}].value`);
    });
    out.push(...checkLooks(o, `objects[${i}]`, new Set(s.objects.map((x) => x.id))));
    // a station the room does not have would silently fall back to `at`: the author meant another one
    const stations = ROOM_STATIONS[s.room];
    if (o.station !== undefined && stations && !stations.includes(o.station)) {
      out.push(say(`objects[${i}].station`, `the room ${quote(s.room)} has no station ${quote(o.station)} (it has ${stations.join(', ')})`, `la salle ${quote(s.room)} n'a pas de poste ${quote(o.station)} (elle a ${stations.join(', ')})`));
    }
  });
  const readable = (o: RoomObject) => o.value !== undefined || (o.readings ?? []).length > 0 || setsValue(s, o.id);

  for (const st of allSteps) {
    const { step, path } = st;
    if ('phase' in step && st.phase === undefined) {
      out.push(say(`${path}.phase`, `no phase is called ${quote((step as { phase?: string }).phase)}`, `aucune phase ne s'appelle ${quote((step as { phase?: string }).phase)}`));
    }
    const o = needObject(`${path}.action.target`, step.action.target);
    const action = o?.actions.find((a) => a.verb === step.action.verb);
    const builtinRead = step.action.verb === READ_VERB && !!o && readable(o);
    if (o && !action && !builtinRead) out.push(say(`${path}.action.verb`, `the object ${quote(o.id)} offers no action ${quote(step.action.verb)}`, `l'objet ${quote(o.id)} ne propose pas l'action ${quote(step.action.verb)}`));
    if (step.action.with !== undefined) {
      const other = needObject(`${path}.action.with`, step.action.with);
      if (other && action && !(action.with ?? []).includes(other.id)) {
        out.push(say(`${path}.action.with`, `the action ${quote(step.action.verb)} of ${quote(step.action.target)} cannot be made onto ${quote(other.id)}: list it in the action's "with"`, `l'action ${quote(step.action.verb)} de ${quote(step.action.target)} ne peut pas se faire sur ${quote(other.id)} : ajoutez-le à son « with »`));
      }
    } else if (action?.with) {
      out.push(say(`${path}.action.with`, `the action ${quote(step.action.verb)} of ${quote(step.action.target)} is made onto another object: say which one in "with"`, `l'action ${quote(step.action.verb)} de ${quote(step.action.target)} se fait sur un autre objet : indiquez lequel dans « with »`));
    }
    if (action?.input && !step.expect) out.push(say(`${path}.expect`, 'the action asks for a value, so the step needs "expect"', "l'action demande une valeur : l'étape doit avoir « expect »"));
    if (step.expect && action && !action.input) out.push(say(`${path}.expect`, 'the action asks for no value, so "expect" can never be judged', "l'action ne demande pas de valeur : « expect » ne peut pas être jugé"));
    if (step.expect && step.expect.value === undefined && step.expect.min === undefined && step.expect.max === undefined) {
      out.push(say(`${path}.expect`, 'give "value" (with "tolerance") or "min"/"max"', 'indiquez « value » (avec « tolerance ») ou « min »/« max »'));
    }
    checkExpr(step.expect?.value, `${path}.expect.value`);
    (step.requires ?? []).forEach((r, ri) => {
      const req = stepIds.get(r);
      if (!req) return needStep(`${path}.requires[${ri}]`, r);
      if (st.phase !== undefined && req.phase !== undefined && req.phase > st.phase) {
        out.push(say(`${path}.requires[${ri}]`, `${quote(r)} belongs to a later phase, so this step could never be done`, `${quote(r)} appartient à une phase ultérieure : cette étape ne pourrait jamais être faite`));
      }
      // a fault's step without `phase` is done before the procedure leaves the phase where the fault happens
      if (st.fault !== undefined && st.phase === undefined && req.fault !== undefined && req.phase !== undefined) {
        const later = s.phases[req.phase]!.id;
        out.push(say(`${path}.requires[${ri}]`,
          `${quote(r)} is done in the later phase ${quote(later)}, and this step, without "phase", is done before the procedure leaves the phase where the fault happens, so it could never be done: give it "phase": ${quote(later)} too`,
          `${quote(r)} se fait dans la phase ultérieure ${quote(later)}, et cette étape, sans « phase », se fait avant que la procédure quitte la phase où la panne survient : elle ne pourrait jamais être faite ; donnez-lui aussi "phase": ${quote(later)}`));
      }
      if (st.fault === undefined && req.fault !== undefined) {
        out.push(say(`${path}.requires[${ri}]`, `${quote(r)} answers a fault that may not happen`, `${quote(r)} répond à une panne qui peut ne pas survenir`));
      }
    });
    checkCond(step.when, `${path}.when`);
    for (const [en, fr] of misplacedWords(step.when)) out.push(say(`${path}.when`, en, fr));
    checkEffects(step.effects, `${path}.effects`, st.fault === undefined ? undefined : faults.get(st.fault));
  }
  for (const cycle of findCycles(new Map(allSteps.map((x) => [x.step.id, x.step.requires ?? []])))) {
    const st = stepIds.get(cycle[0]!)!;
    out.push(say(`${st.path}.requires`, `prerequisites go round in a circle: ${cycle.join(' → ')}`, `les prérequis tournent en rond : ${cycle.join(' → ')}`));
  }

  const checkRule = (r: Scenario['rules'][number], path: string) => {
    if (r.on.with !== undefined) needObject(`${path}.on.with`, r.on.with);
    if (r.on.target !== undefined) {
      const o = objects.get(r.on.target);
      if (r.on.target === 'batch-record') {
        out.push(say(`${path}.on.target`, 'submitting the batch record is judged by the built-in documentation rules only, so this rule can never fire', "la remise du dossier de lot n'est jugée que par les règles de documentation intégrées : cette règle ne peut jamais s'appliquer"));
      } else if (!o && !s.record.some((e) => e.id === r.on.target)) needObject(`${path}.on.target`, r.on.target);
      if (o && r.on.verb !== undefined && !o.actions.some((a) => a.verb === r.on.verb)) {
        out.push(say(`${path}.on.verb`, `the object ${quote(o.id)} offers no action ${quote(r.on.verb)}, so the rule can never fire`, `l'objet ${quote(o.id)} ne propose pas l'action ${quote(r.on.verb)} : la règle ne peut jamais s'appliquer`));
      }
    } else if (r.on.verb !== undefined && !['record', 'correct', 'sign'].includes(r.on.verb) && !s.objects.some((o) => o.actions.some((a) => a.verb === r.on.verb))) {
      out.push(say(`${path}.on.verb`, `no object offers the action ${quote(r.on.verb)}`, `aucun objet ne propose l'action ${quote(r.on.verb)}`));
    }
    checkCond(r.when, `${path}.when`);
    for (const [en, fr] of misplacedWords(r.when, r.on)) out.push(say(`${path}.when`, en, fr));
    checkEffects(r.effects, `${path}.effects`);
  };
  s.rules.forEach((r, i) => checkRule(r, `rules[${i}]`));
  s.faults.forEach((f, fi) => {
    const path = `faults[${fi}]`;
    if ('afterStep' in f.trigger) {
      const t = stepIds.get(f.trigger.afterStep);
      if (!t) needStep(`${path}.trigger.afterStep`, f.trigger.afterStep);
      else if (t.fault) out.push(say(`${path}.trigger.afterStep`, 'a fault must be triggered by a step of the procedure', "une panne doit être déclenchée par une étape de la procédure"));
    }
    if ('byRule' in f.trigger && ![...s.rules, ...s.faults.flatMap((x) => x.rules ?? [])].some((r) => (r.effects ?? []).some((e) => 'raiseFault' in e && e.raiseFault === f.id))) {
      out.push(say(`${path}.trigger`, 'no rule raises this fault', 'aucune règle ne déclenche cette panne'));
    }
    checkEffects(f.effects, `${path}.effects`, f);
    (f.rules ?? []).forEach((r, i) => {
      checkRule(r, `${path}.rules[${i}]`);
      // a fault without a containment step is contained as soon as raised: the rule would never apply
      if (r.until === 'contained' && !f.steps.some((st) => st.stage === 'contain')) {
        out.push(say(`${path}.rules[${i}].until`,
          `the fault ${quote(f.id)} has no containment step, so its rule ${quote(r.id)} would stop applying as soon as the fault is raised: remove "until" or give the fault a step with stage "contain"`,
          `la panne ${quote(f.id)} n'a pas d'étape de maîtrise : sa règle ${quote(r.id)} cesserait de s'appliquer dès la panne déclenchée ; retirez "until" ou donnez à la panne une étape de stage "contain"`));
      }
    });
  });
  out.push(...checkBoundPhases(s));
  checkPrecedence(s, ruleList, out);
  s.record.forEach((e, i) => {
    needStep(`record[${i}].after`, e.after);
    checkExpr(e.value, `record[${i}].value`);
    out.push(...checkRecordText(s, e, `record[${i}]`));
  });
  out.push(...checkLots(s));
  if (s.record.length && !s.record.some((e) => e.kind === 'signature')) {
    out.push(say('record', 'a batch record needs at least one signature', 'un dossier de lot demande au moins une signature'));
  }
  out.push(...checkEndings(s));
  checkTexts(s, '', out);
  return out;
}

/**
 * Phases and the fault steps bound to them (a fault step's `phase`): every
 * phase has something to do (the first, where every attempt starts, a step of
 * the procedure); a step is bound to a phase after the one where its fault
 * happens (else it would be done there anyway), and reopens no step (`redo`
 * reopens steps of the phase where the fault happened, which is over by then).
 */
function checkBoundPhases(s: Scenario): Problem[] {
  const out: Problem[] = [];
  const index = new Map(s.phases.map((p, i) => [p.id, i]));
  const bound = s.faults.flatMap((f) => f.steps.flatMap((st) => (st.phase !== undefined ? [st.phase] : [])));
  s.phases.forEach((p, i) => {
    if (s.steps.some((st) => st.phase === p.id)) return;
    if (i === 0) out.push(say(`phases[${i}]`, `every attempt starts in the first phase ${quote(p.id)}, so it needs a step of the procedure`, `toute tentative commence par la première phase ${quote(p.id)} : il lui faut une étape de la procédure`));
    else if (!bound.includes(p.id)) out.push(say(`phases[${i}]`, `the phase ${quote(p.id)} has no step: give it steps of the procedure, or bind steps of a fault to it with "phase"`, `la phase ${quote(p.id)} n'a aucune étape : donnez-lui des étapes de la procédure, ou liez-y des étapes d'une panne avec « phase »`));
  });
  const stepPhase = new Map(s.steps.map((st) => [st.id, index.get(st.phase)]));
  s.faults.forEach((f, fi) => {
    f.steps.forEach((st, i) => {
      if (st.phase === undefined) return;
      const path = `faults[${fi}].steps[${i}]`;
      const at = index.get(st.phase);
      if (at === undefined) return; // said with the step's other problems
      const from = 'afterStep' in f.trigger ? stepPhase.get(f.trigger.afterStep) : 'atStart' in f.trigger ? 0 : undefined;
      if (from !== undefined && at <= from) {
        out.push(say(`${path}.phase`,
          `the fault ${quote(f.id)} happens in the phase ${quote(s.phases[from]!.id)}, so a step bound to it or to an earlier phase is done there anyway: bind it to a later phase, or remove "phase"`,
          `la panne ${quote(f.id)} survient dans la phase ${quote(s.phases[from]!.id)} : une étape liée à celle-ci ou à une phase antérieure s'y fait de toute façon ; liez-la à une phase ultérieure, ou retirez « phase »`));
      }
      (st.effects ?? []).forEach((e, ei) => {
        if ('redo' in e) out.push(say(`${path}.effects[${ei}]`, `a step bound to the later phase ${quote(st.phase!)} cannot reopen steps with "redo": the phase where the fault happened is over by then`, `une étape liée à la phase ultérieure ${quote(st.phase!)} ne peut pas rouvrir d'étapes avec « redo » : la phase où la panne est survenue est alors terminée`));
      });
    });
  });
  return out;
}

function setsValue(s: Scenario, objectId: string, reading?: string): boolean {
  return everyEffect(s).some((e) => 'setValue' in e && e.setValue.object === objectId && e.setValue.reading === reading);
}

/** How an action reads in a message: "open" on "clamp-manifold", "correct" on any entry. */
function actionText(on: Rule['on']): Localized {
  const verb = on.verb === undefined ? ['any action', 'toute action'] : [quote(on.verb), quote(on.verb)];
  const target = on.target === undefined ? ['anything', "n'importe quoi"] : [quote(on.target), quote(on.target)];
  const onto = on.with === undefined ? ['', ''] : [` onto ${quote(on.with)}`, ` vers ${quote(on.with)}`];
  return { en: `${verb[0]} on ${target[0]}${onto[0]}`, fr: `${verb[1]} sur ${target[1]}${onto[1]}` };
}

/**
 * The word `overrides` (precedence.ts): each id names another rule, no circle,
 * and no two rules that can fire on the same action are left without one.
 */
function checkPrecedence(s: Scenario, rules: PlacedRule[], out: Problem[]): void {
  const ids = new Set(rules.map((r) => r.rule.id));
  for (const { rule, path } of rules) {
    (rule.overrides ?? []).forEach((o, i) => {
      if (o === rule.id) out.push(say(`${path}.overrides[${i}]`, 'a rule cannot override itself', 'une règle ne peut pas se primer elle-même'));
      else if (!ids.has(o)) out.push(say(`${path}.overrides[${i}]`, `no rule is called ${quote(o)}`, `aucune règle ne s'appelle ${quote(o)}`));
    });
  }
  const byId = new Map(rules.map((r) => [r.rule.id, r]));
  for (const cycle of findCycles(new Map(rules.map((r) => [r.rule.id, r.rule.overrides ?? []])))) {
    if (cycle.length < 3) continue; // a rule naming itself is said above
    out.push(say(`${byId.get(cycle[0]!)!.path}.overrides`, `rules override each other in a circle: ${cycle.join(' → ')}`, `des règles se priment en cercle : ${cycle.join(' → ')}`));
  }
  for (const { first, second, action } of undeclaredOverlaps(rules, s)) {
    const what = actionText(action);
    out.push(say(`${second.path}.on`,
      `the rules ${quote(first.rule.id)} (${first.path}) and ${quote(second.rule.id)} (${second.path}) can both fire on ${what.en}, and only one answers an action: say which one speaks first with "overrides": [${quote(second.rule.id)}] on ${quote(first.rule.id)}, or the reverse`,
      `les règles ${quote(first.rule.id)} (${first.path}) et ${quote(second.rule.id)} (${second.path}) peuvent toutes deux s'appliquer à ${what.fr}, et une seule répond à une action : dites laquelle passe d'abord avec "overrides": [${quote(second.rule.id)}] sur ${quote(first.rule.id)}, ou l'inverse`));
  }
}

/** Ids that go round in a circle through `next` (a step's `requires`, a rule's `overrides`), each circle once: [a, b, a]. */
function findCycles(next: Map<string, readonly string[]>): string[][] {
  const req = next;
  const state = new Map<string, 'open' | 'closed'>();
  const cycles: string[][] = [];
  const visit = (id: string, trail: string[]) => {
    if (state.get(id) === 'closed') return;
    if (state.get(id) === 'open') {
      cycles.push([...trail.slice(trail.indexOf(id)), id]);
      return;
    }
    state.set(id, 'open');
    for (const r of req.get(id) ?? []) if (req.has(r)) visit(r, [...trail, id]);
    state.set(id, 'closed');
  };
  for (const id of next.keys()) visit(id, []);
  return cycles;
}

/** Every localized text has both languages with words in them (the schema checks presence). */
function checkTexts(value: unknown, path: string, out: Problem[]): void {
  if (value === null || typeof value !== 'object') return;
  if (Array.isArray(value)) {
    value.forEach((v, i) => checkTexts(v, `${path}[${i}]`, out));
    return;
  }
  const obj = value as Record<string, unknown>;
  if (typeof obj.fr === 'string' && typeof obj.en === 'string') {
    for (const lang of ['fr', 'en'] as const) {
      if (!(obj[lang] as string).trim()) out.push(say(`${path}.${lang}`, `the ${lang === 'fr' ? 'French' : 'English'} text is blank`, `le texte ${lang === 'fr' ? 'français' : 'anglais'} est vide`));
    }
    return;
  }
  for (const [k, v] of Object.entries(obj)) checkTexts(v, path ? `${path}.${k}` : k, out);
}
