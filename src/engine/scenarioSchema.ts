/**
 * The JSON Schema of a scenario file, written once, here: the structure of
 * the file, plus one form per word of the vocabulary (each word's module in
 * ./vocabulary holds its own fragment). `npm run scenarios:schema` writes it
 * to scenarios/scenario.schema.json (for authors' editors) and generates the
 * TypeScript types of the file from it (./scenarioTypes.generated.ts); a unit
 * test fails when either is out of date. The checker (./validateScenario.ts)
 * compiles this object, not the file.
 *
 * The enumerations the engine also lists at run time (categories, rooms,
 * decisions, record kinds, a fault rule's `until`) are taken from those lists.
 */
import { ROOM_STATIONS } from './rooms.ts';
import { PATTERNS } from './schemaPatterns.ts';
import { CATEGORIES, DECISIONS, RULE_UNTIL, TEXT_KINDS } from './types.ts';
import { conditionSchema, effectSchema, exprSchema } from './vocabulary/index.ts';
import { oneKey, record, ref, type JsonSchema } from './vocabulary/word.ts';

/** The type each definition of the schema gets in the generated types (src/cli/schemaTypes.ts); a definition not named here is written in place. */
export const TYPE_NAMES: Record<string, string> = {
  '': 'Scenario',
  localized: 'Localized',
  look: 'StateLook',
  category: 'Category',
  phase: 'Phase',
  expr: 'Expr',
  condition: 'Condition',
  effect: 'Effect',
  object: 'RoomObject',
  stepCommon: 'Step',
  mainStep: 'MainStep',
  faultStep: 'FaultStep',
  ruleCommon: 'Rule',
  rule: 'ScenarioRule',
  faultRule: 'FaultRule',
  fault: 'Fault',
  recordEntry: 'RecordEntry',
};

const pattern = (name: keyof typeof PATTERNS) => PATTERNS[name].pattern;

/**
 * Places (JSON pointers in the schema) whose type is wider than the schema:
 * a scenario's room is one the app draws, but the engine names a room it
 * cannot draw instead of failing on it (look.ts drawingWarnings).
 */
export const TYPE_WIDER: Record<string, string> = { '/properties/room': 'string' };

/** A penalty and the explanation told with it; `withCategory`: it may be counted in a category of its own. */
const told = (withCategory: boolean): JsonSchema => record(['penalty', 'explanation'], {
  penalty: { type: 'number', minimum: 0, maximum: 100 },
  ...(withCategory ? { category: ref('category') } : {}),
  explanation: ref('localized'),
});

/** The scenario file's own structure: its fields, each step, rule, fault and record entry. */
const ROOT: JsonSchema = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: 'https://salle-blanche.local/scenario.schema.json',
  title: 'Cleanroom training scenario',
  description: 'One GMP procedure for the cleanroom training simulator. See scenarios/README.md.',
  type: 'object',
  additionalProperties: false,
  required: [
    'id', 'version', 'title', 'summary', 'blocks', 'grades', 'room', 'minutes', 'objectives', 'passMark', 'faultChance', 'sources', 'phases', 'objects', 'steps', 'rules', 'faults', 'record', 'debrief',
  ],
  properties: {
    $schema: { type: 'string' },
    id: ref('id'),
    version: {
      type: 'integer',
      minimum: 1,
      description: 'Raise it whenever steps, rules or scoring change: attempts keep the version they were made with.',
    },
    title: ref('localized'),
    summary: ref('localized'),
    blocks: {
      type: 'array',
      minItems: 1,
      uniqueItems: true,
      items: { type: 'integer', minimum: 1, maximum: 6 },
      description: 'TSBI competence blocks trained (1–6).',
    },
    grades: {
      type: 'array',
      minItems: 1,
      uniqueItems: true,
      items: { enum: ['A', 'B', 'C', 'D', 'CNC'] },
      description: 'Cleanroom grades where the procedure happens (CNC: not classified).',
    },
    room: {
      enum: Object.keys(ROOM_STATIONS),
      description: 'Which room the cleanroom view draws.',
    },
    minutes: {
      type: 'number',
      exclusiveMinimum: 0,
      maximum: 120,
      description: 'Estimated real duration of one attempt.',
    },
    objectives: { type: 'array', minItems: 1, items: ref('localized') },
    passMark: { type: 'number', minimum: 0, maximum: 100 },
    faultChance: {
      type: 'number',
      minimum: 0,
      maximum: 1,
      description: 'Probability that the seeded generator draws one of the faults.',
    },
    sources: { type: 'array', items: { type: 'string', minLength: 1, maxLength: 500 } },
    notes: { type: 'string', maxLength: 20000 },
    start: {
      type: 'object',
      additionalProperties: false,
      description: "The run's day (lots' expiry dates count from it) and the time of day its simulated clock starts at (time-of-day record entries count from it; default 08:00).",
      properties: {
        day: { type: 'string', pattern: pattern('day'), description: 'YYYY-MM-DD' },
        time: { type: 'string', pattern: pattern('time'), description: 'HH:MM, 24 h' },
      },
    },
    defaults: {
      type: 'object',
      additionalProperties: false,
      properties: {
        early: told(true),
      },
    },
    phases: { type: 'array', minItems: 1, maxItems: 30, items: ref('phase') },
    objects: { type: 'array', minItems: 1, maxItems: 80, items: ref('object') },
    steps: { type: 'array', minItems: 1, maxItems: 200, items: ref('mainStep') },
    rules: { type: 'array', maxItems: 200, items: ref('rule') },
    faults: { type: 'array', maxItems: 20, items: ref('fault') },
    record: { type: 'array', maxItems: 200, items: ref('recordEntry') },
    debrief: {
      type: 'object',
      additionalProperties: false,
      required: ['passed', 'failed', 'critical'],
      properties: { passed: ref('localized'), failed: ref('localized'), critical: ref('localized') },
    },
    outro: ref('localized'),
  },
};

/** The definitions the structure refers to (`ref('<name>')`), the vocabulary's among them. */
const defs = (): Record<string, JsonSchema> => ({
  id: {
    type: 'string',
    pattern: pattern('id'),
    maxLength: 60,
    description: 'kebab-case, stable: attempts refer to it.',
  },
  localized: {
    type: 'object',
    additionalProperties: false,
    required: ['fr', 'en'],
    properties: {
      fr: { type: 'string', minLength: 1, maxLength: 4000 },
      en: { type: 'string', minLength: 1, maxLength: 4000 },
    },
    description: 'A text in French and English.',
  },
  look: {
    type: 'object',
    additionalProperties: false,
    description: 'How one state looks. A word left out is false; without fill a container shows its usual level.',
    properties: {
      open: {
        type: 'boolean',
        description: 'Open (door, lid, pack, valve, clamp: a clamp or valve not open is closed); false: closed.',
      },
      on: {
        type: 'boolean',
        description: 'Powered or running: lit screen and green lamp, airflow, bubbles, turning rotor; for a garment or personal item, worn. false: off.',
      },
      fill: {
        type: 'number',
        minimum: 0,
        maximum: 1,
        description: 'How full it is, 0 (empty) to 1 (full): liquid in a vessel, bag or bottle; what a locker, tray, bin or sample tube holds.',
      },
      filling: { type: 'boolean', description: 'Liquid is moving in or out: the level moves when motion is allowed.' },
      connected: { type: 'boolean', description: 'Connected, joined or welded to the rest of the line.' },
      problem: {
        type: 'boolean',
        description: 'Something is wrong with it (torn, expired, failed, blocked…): a red frame and mark. Never together with done.',
      },
      alarm: { type: 'boolean', description: 'It is alarming: a blinking red halo.' },
      done: { type: 'boolean', description: 'The trainee has done what this object needed: a green tick.' },
      gone: { type: 'boolean', description: 'Discarded or taken away: drawn faded.' },
      absent: {
        type: 'boolean',
        description: 'Not in the room at all: not drawn, not listed, no action offered, until an effect (a fault found, a step done) sets a state that is not absent. Goes alone: no other word with it.',
      },
      inside: {
        type: 'string',
        minLength: 1,
        description: "Put inside another object of the room, by its id (a vial in the safety cabinet): drawn inside that object's drawing, moving there when motion is allowed.",
      },
    },
  },
  category: { enum: [...CATEGORIES] },
  phase: {
    type: 'object',
    additionalProperties: false,
    required: ['id', 'title'],
    properties: { id: ref('id'), title: ref('localized'), intro: ref('localized') },
  },
  expr: exprSchema(),
  condition: conditionSchema(),
  effect: effectSchema(),
  object: {
    type: 'object',
    additionalProperties: false,
    required: ['id', 'name', 'kind', 'state', 'states', 'actions'],
    properties: {
      id: ref('id'),
      name: ref('localized'),
      kind: { type: 'string', pattern: pattern('name'), maxLength: 40, description: 'Which drawing the room uses for it (src/game).' },
      at: {
        type: 'array',
        minItems: 2,
        maxItems: 2,
        items: { type: 'number', minimum: 0, maximum: 100 },
        description: 'Where it stands in the room, in percent of its width and height.',
      },
      station: {
        type: 'string',
        pattern: pattern('name'),
        maxLength: 40,
        description: "The station of the room where the object stands (close-up); one of the room's station ids (src/engine/rooms.ts). Without it, the station whose area holds `at`.",
      },
      state: ref('id'),
      states: { type: 'object', minProperties: 1, propertyNames: ref('id'), additionalProperties: ref('localized') },
      looks: {
        type: 'object',
        propertyNames: ref('id'),
        additionalProperties: ref('look'),
        description: 'How each state looks in the room, by state id (each key must be one of `states`). Without it the room guesses from the state names; a state left out looks plain: nothing open, on, connected, done or wrong.',
      },
      value: ref('expr'),
      unit: { type: 'string', maxLength: 20 },
      decimals: { type: 'integer', minimum: 0, maximum: 6 },
      lot: {
        type: 'string',
        pattern: pattern('lot'),
        description: 'Prefix of a lot number drawn by the seed.',
      },
      expiry: {
        type: 'object',
        additionalProperties: false,
        required: ['minDays', 'maxDays'],
        description: "The lot's expiry date, drawn by the seed minDays\u2013maxDays days after the run's day (start.day); needs `lot`. expiredWith: when the attempt's fault is this one, the lot found at the start is already past its date (1\u201390 days before).",
        properties: {
          minDays: { type: 'integer', minimum: 0, maximum: 3650 },
          maxDays: { type: 'integer', minimum: 0, maximum: 3650 },
          expiredWith: ref('id'),
        },
      },
      readings: {
        type: 'array',
        description: 'Named values its display shows side by side (a console\'s temperature, pH, dissolved oxygen, agitation), each read and recorded on its own as { "value": "<object>.<reading>" }.',
        maxItems: 8,
        items: {
          type: 'object',
          additionalProperties: false,
          required: ['id', 'label', 'unit'],
          properties: {
            id: ref('id'),
            label: ref('localized'),
            unit: { type: 'string', maxLength: 20 },
            decimals: { type: 'integer', minimum: 0, maximum: 6 },
            value: ref('expr', { description: 'Its value at the start; without it, it has none until an effect sets it.' }),
          },
        },
      },
      actions: {
        type: 'array',
        items: {
          type: 'object',
          additionalProperties: false,
          required: ['verb', 'label'],
          properties: {
            verb: ref('id'),
            label: ref('localized'),
            with: {
              type: 'array',
              minItems: 1,
              uniqueItems: true,
              description: 'A gesture with two ends (drag the tube onto the connector, the bottle into the cabinet): the objects it can be made onto. The trainee drags this object onto one of them, or taps it and chooses one.',
              items: ref('id'),
            },
            input: {
              type: 'object',
              additionalProperties: false,
              required: ['label', 'unit', 'min', 'max', 'step'],
              properties: {
                label: ref('localized'),
                unit: { type: 'string', maxLength: 20 },
                min: { type: 'number' },
                max: { type: 'number' },
                step: { type: 'number', exclusiveMinimum: 0 },
              },
            },
          },
        },
      },
    },
  },
  stepCommon: {
    type: 'object',
    required: ['id', 'title', 'action', 'points', 'category'],
    properties: {
      id: ref('id'),
      title: ref('localized'),
      hint: ref('localized'),
      action: {
        type: 'object',
        additionalProperties: false,
        description: 'The gesture that does the step: a verb of the target object\'s actions (or the built-in "read" of an instrument).',
        required: ['verb', 'target'],
        properties: {
          verb: ref('id'),
          target: ref('id'),
          with: ref('id', { description: 'The second end of a two-ended gesture: the step is done only onto this object.' }),
        },
      },
      requires: { type: 'array', uniqueItems: true, items: ref('id') },
      when: ref('condition'),
      expect: {
        type: 'object',
        additionalProperties: false,
        required: ['wrong'],
        properties: {
          value: ref('expr'),
          tolerance: { type: 'number', minimum: 0 },
          min: ref('expr'),
          max: ref('expr'),
          wrong: { ...told(true), description: 'What happens when the value given is outside.' },
        },
      },
      effects: { type: 'array', items: ref('effect') },
      points: { type: 'number', minimum: 0, maximum: 100 },
      category: ref('category'),
      minutes: { type: 'number', minimum: 0, maximum: 10000, description: 'Simulated minutes the step takes (default 1).' },
      early: {
        type: 'object',
        description: 'What is told, and the penalty, when the trainee does it too early; without it, the scenario\'s defaults.early.',
        additionalProperties: false,
        required: ['penalty', 'explanation'],
        properties: { penalty: { type: 'number', minimum: 0, maximum: 100 }, explanation: ref('localized') },
      },
    },
  },
  mainStep: {
    allOf: [ref('stepCommon')],
    required: ['phase'],
    properties: {
      phase: ref('id'),
      id: true,
      title: true,
      hint: true,
      action: true,
      requires: true,
      when: true,
      expect: true,
      effects: true,
      points: true,
      category: true,
      minutes: true,
      early: true,
    },
    unevaluatedProperties: false,
  },
  faultStep: {
    allOf: [ref('stepCommon')],
    required: ['stage'],
    properties: {
      stage: { enum: ['contain', 'document'] },
      phase: ref('id', {
        description: "A later phase of the procedure in which this step of the fault is done (an investigation meeting days after the event): it opens once the procedure reaches that phase, and the procedure leaves the phase where the fault happened without waiting for it. A phase that holds only such steps is entered only in an attempt where their fault happens. Without it, the step is done before the procedure goes on.",
      }),
    },
    unevaluatedProperties: false,
  },
  ruleCommon: {
    type: 'object',
    required: ['id', 'on', 'category', 'severity', 'penalty', 'explanation'],
    properties: {
      id: ref('id'),
      on: {
        type: 'object',
        additionalProperties: false,
        minProperties: 1,
        properties: {
          verb: ref('id'),
          target: ref('id'),
          with: ref('id', { description: 'Only a two-ended gesture made onto this object.' }),
        },
      },
      when: ref('condition'),
      category: ref('category'),
      severity: { enum: ['minor', 'major', 'critical'] },
      penalty: { type: 'number', minimum: 0, maximum: 100 },
      explanation: ref('localized'),
      reason: ref('localized', { description: 'Why it fails the attempt: required when the severity is critical.' }),
      effects: { type: 'array', items: ref('effect') },
      overrides: {
        type: 'array',
        minItems: 1,
        uniqueItems: true,
        items: ref('id'),
        description: 'Rules (of the scenario or of a fault) that this rule answers before when both could fire on the same action. Only one rule answers an action.',
      },
    },
    if: { properties: { severity: { const: 'critical' } } },
    then: { required: ['reason'] },
  },
  rule: { allOf: [ref('ruleCommon')], unevaluatedProperties: false },
  faultRule: {
    allOf: [ref('ruleCommon')],
    properties: {
      until: {
        enum: [...RULE_UNTIL],
        description: "The stage of its fault at which the rule stops applying: 'contained' (every containment step of the fault done) or 'documented' (every step of the fault done, the default).",
      },
    },
    unevaluatedProperties: false,
  },
  fault: {
    type: 'object',
    additionalProperties: false,
    required: ['id', 'title', 'trigger', 'announce', 'steps'],
    properties: {
      id: ref('id'),
      title: ref('localized'),
      weight: { type: 'number', exclusiveMinimum: 0, description: 'Its chance among the faults, relative to the others\' (default 1).' },
      trigger: {
        oneOf: [
          oneKey('afterStep', ref('id')),
          oneKey('atStart', { const: true }),
          oneKey('byRule', { const: true }),
        ],
      },
      announce: ref('localized'),
      effects: { type: 'array', items: ref('effect') },
      steps: { type: 'array', minItems: 1, items: ref('faultStep') },
      rules: { type: 'array', items: ref('faultRule') },
      ending: {
        description: "Answering this fault in full (its containment and documentation steps done) is a decision that ends the attempt as a correct outcome: the batch put on hold (quarantined, QA decides), or a material the SOP says to reject. The procedure's steps not done by then are not counted; the trainee completes and submits the batch record. debrief: why the decision was right.",
        type: 'object',
        additionalProperties: false,
        required: ['decision', 'debrief'],
        properties: { decision: { enum: [...DECISIONS] }, debrief: ref('localized') },
      },
    },
  },
  recordEntry: {
    type: 'object',
    additionalProperties: false,
    required: ['id', 'label', 'kind', 'after', 'points'],
    properties: {
      id: ref('id'),
      label: ref('localized'),
      kind: { enum: ['value', 'check', 'signature', ...TEXT_KINDS] },
      after: ref('id'),
      value: ref('expr'),
      expected: {
        description: 'For a text, date or time entry: the value expected. A literal (a text; a date YYYY-MM-DD; a time HH:MM), or { "lotOf": object } (its lot number, a text), { "expiryOf": object } (its expiry, a date), { "timeOf": step } (the time of day the step was done, a time).',
        oneOf: [
          { type: 'string', maxLength: 100 },
          oneKey('lotOf', ref('id')),
          oneKey('expiryOf', ref('id')),
          oneKey('timeOf', ref('id')),
        ],
      },
      tolerance: { type: 'number', minimum: 0 },
      unit: { type: 'string', maxLength: 20 },
      points: { type: 'number', minimum: 0, maximum: 100 },
    },
    allOf: [
      { if: { properties: { kind: { const: 'value' } } }, then: { required: ['value'] } },
      { if: { properties: { kind: { enum: [...TEXT_KINDS] } } }, then: { required: ['expected'] } },
    ],
  },
});

/** The whole schema, as scenarios/scenario.schema.json holds it. */
export const scenarioSchema = (): JsonSchema => ({ ...ROOT, $defs: defs() });
