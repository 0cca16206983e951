import { describe, expect, it } from 'vitest';
import { parseScenarioText, validateScenario } from '../../src/engine/validateScenario';
import { gowning, gowningText } from './fixtures';

const problemsOf = (data: unknown) => {
  const v = validateScenario(data);
  return v.ok ? [] : v.problems.map((p) => `${p.path}: ${p.message.en}`);
};

describe('scenario validation', () => {
  it('accepts the shipped gowning scenario', () => {
    expect(parseScenarioText(gowningText).ok).toBe(true);
  });

  it('says plainly when a file is not JSON', () => {
    const v = parseScenarioText('{ "id": "x", ');
    expect(v.ok).toBe(false);
    expect(v.problems[0]!.message.en).toMatch(/not valid JSON/);
    expect(v.problems[0]!.message.fr).toMatch(/pas du JSON valide/);
  });

  it('reports a station that the room does not have, naming the ones it has', () => {
    const s = gowning();
    s.objects[0]!.station = 'weighing-bench';
    const problems = problemsOf(s);
    expect(problems).toEqual([expect.stringMatching(/^objects\[0\]\.station: the room "changing-room" has no station "weighing-bench" \(it has street-side, /)]);
    s.objects[0]!.station = 'bench';
    expect(problemsOf(s)).toEqual([]);
  });

  it('refuses an array or a bare value instead of an object', () => {
    expect(problemsOf([1, 2])).toEqual(['(file): a scenario must be a JSON object, not an array']);
    expect(problemsOf('hello')[0]).toMatch(/not string/);
  });

  it('refuses a file over 2 MB with a sentence saying so', () => {
    const big = gowningText.replace('"notes": "', `"notes": "${'x'.repeat(2_200_000)}`);
    const v = parseScenarioText(big);
    expect(v.ok).toBe(false);
    expect(v.problems[0]!.message.en).toMatch(/may not exceed 2 MB/);
  });

  it('reports wrong types with their JSON path, all at once', () => {
    const s = gowning() as unknown as Record<string, unknown>;
    s.passMark = 'eighty';
    (s.steps as Record<string, unknown>[])[2]!.points = 'five';
    delete (s.title as Record<string, unknown>).en;
    const problems = problemsOf(s);
    expect(problems).toContain('passMark: should be of type number');
    expect(problems).toContain('steps[2].points: should be of type number');
    expect(problems).toContain('title: "en" is missing');
  });

  it('says what each pattern asks for: an id, an object and its reading, a drawing name, a lot prefix', () => {
    const s = gowning();
    s.steps[0]!.id = 'Put On Shoes';
    s.objects[0]!.kind = 'Hand Dryer';
    s.objects[0]!.lot = 'lot-12';
    s.record = [{ ...s.record[0]!, kind: 'value', value: { value: 'sink ph' } }];
    const problems = problemsOf(s);
    expect(problems).toContain('steps[0].id: should be a kebab-case id (lower-case letters, digits and dashes)');
    expect(problems).toContain('objects[0].kind: should be written in lower-case letters, digits and dashes');
    expect(problems).toContain('objects[0].lot: should be 1 to 6 capital letters or digits (the start of the lot numbers drawn)');
    expect(problems).toContain('record[0].value.value: should be an object\'s id, or an object\'s id, a dot and one of its readings ("balance", "console.ph")');
  });

  it('says an empty "all" in one line, not one line per condition word it is not', () => {
    const s = gowning();
    s.rules[0]!.when = { all: [] };
    expect(problemsOf(s)).toEqual(['rules[0].when.all: needs at least 1 item(s)']);
  });

  it('says an unknown condition word once, naming the words there are', () => {
    const s = gowning();
    (s.rules[0] as unknown as { when: unknown }).when = { dne: 'x' };
    const problems = problemsOf(s);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^rules\[0\]\.when: unknown word "dne": should be one of the forms "done", "notDone", /);
  });

  it('names a missing prerequisite the way an instructor can find it', () => {
    const s = gowning();
    s.steps[3]!.requires = ['fill-bag'];
    expect(problemsOf(s)).toContain('steps[3].requires[0]: no step is called "fill-bag"');
  });

  it('finds unknown objects, states and faults', () => {
    const s = gowning();
    s.steps[0]!.action.target = 'autoclave';
    s.steps[1]!.effects = [{ set: { object: 'locker', state: 'exploded' } }];
    s.rules[0]!.when = { faultActive: 'meteor' };
    const problems = problemsOf(s);
    expect(problems).toContain('steps[0].action.target: no object is called "autoclave"');
    expect(problems).toContain('steps[1].effects[0].set.state: the object "locker" has no state "exploded"');
    expect(problems).toContain('rules[0].when.faultActive: no fault is called "meteor"');
  });

  it('finds duplicate ids', () => {
    const s = gowning();
    s.steps[4]!.id = s.steps[3]!.id;
    s.objects[1]!.id = s.objects[0]!.id;
    const problems = problemsOf(s);
    expect(problems.some((p) => p.startsWith('steps[4].id: another step is already called'))).toBe(true);
    expect(problems.some((p) => p.startsWith('objects[1].id: another object is already called'))).toBe(true);
  });

  it('finds a prerequisite cycle', () => {
    const s = gowning();
    const a = s.steps.find((x) => x.id === 'don-hood')!;
    const b = s.steps.find((x) => x.id === 'don-inner-gloves')!;
    b.requires = ['don-hood'];
    a.requires = ['don-inner-gloves'];
    expect(problemsOf(s).some((p) => /prerequisites go round in a circle: .*don-hood.*don-inner-gloves|circle: .*don-inner-gloves.*don-hood/.test(p))).toBe(true);
  });

  it('refuses __proto__ and constructor keys anywhere', () => {
    const text = gowningText.replace('"id": "gowning",', '"id": "gowning", "__proto__": {"polluted": true}, "extra": {"constructor": 1},');
    const v = parseScenarioText(text);
    expect(v.ok).toBe(false);
    expect(v.problems.map((p) => p.path)).toEqual(['__proto__', 'extra.constructor']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('refuses a text with one language missing or blank', () => {
    const s = gowning();
    s.objectives[0]!.en = '   ';
    expect(problemsOf(s)).toContain('objectives[0].en: the English text is blank');
  });

  it('keeps HTML or script inside a text as plain text', () => {
    const s = gowning();
    s.title.fr = '<img src=x onerror=alert(1)><script>alert(2)</script>';
    const v = validateScenario(s);
    expect(v.ok).toBe(true);
    if (v.ok) expect(v.scenario.title.fr).toBe('<img src=x onerror=alert(1)><script>alert(2)</script>');
  });

  it('requires a reason on a critical rule', () => {
    const s = gowning();
    const critical = s.rules.find((r) => r.severity === 'critical')!;
    delete critical.reason;
    expect(problemsOf(s).some((p) => p.includes('"reason" is missing'))).toBe(true);
  });

  it('says when a condition can never hold where it is written', () => {
    const s = gowning();
    s.steps[2]!.when = { all: [{ done: 'remove-jewellery' }, { inputBetween: { min: 40, max: 60 } }] };
    s.rules.push({ ...s.rules[0]!, id: 'submit-early', on: { verb: 'submit', target: 'batch-record' } });
    const problems = problemsOf(s);
    expect(problems).toContain('steps[2].when: a step\'s "when" is judged before any value is typed, so "inputBetween" never holds here: judge the value with "expect"');
    expect(problems.some((p) => p.startsWith(`rules[${s.rules.length - 1}].on.target: submitting the batch record`))).toBe(true);
  });
});

describe('a file that is not JSON, in French as in English', () => {
  it('names the line and column where the reader stopped, never the browser\'s English words', () => {
    // line 3 opens "title" without a comma after "x" on line 2
    const v = parseScenarioText('{\n  "id": "x"\n  "title": 1\n}');
    expect(v.problems[0]!.message.fr).toBe("ce n'est pas du JSON valide (ligne 3, colonne 3 : il y manque ou il y a en trop une virgule, un guillemet ou une accolade)");
    expect(v.problems[0]!.message.en).toBe('this is not valid JSON (line 3, column 3: a comma, quote or bracket is missing or extra there)');
  });

  it('says a file cut short is cut short', () => {
    expect(parseScenarioText('{ "id": "x", ').problems[0]!.message.fr).toBe("ce n'est pas du JSON valide (le fichier s'arrête avant sa fin : il est peut-être tronqué)");
  });

  it('writes a size in French with a decimal comma', () => {
    const v = parseScenarioText(`"${'x'.repeat(2.2 * 1024 * 1024)}"`);
    expect(v.problems[0]!.message.fr).toBe('le fichier fait 2,2 Mo ; un scénario ne peut dépasser 2 Mo');
  });
});
