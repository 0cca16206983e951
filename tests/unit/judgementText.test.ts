/**
 * The words of the judgements that name their reason, in French and English
 * (src/ui/judgementText.ts): too early with the steps and phases that come
 * first, a wrong record value written against displayed, the entries left
 * blank, the debrief's score table and its record gaps, the HUD's score.
 * Every expected text is written by hand from scenarios/gowning.json and the
 * locales, not copied from the code's output.
 */
import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { Attempt, prepare } from '../../src/engine/attempt';
import { perfectRun } from '../../src/engine/exploreScenario';
import type { AttemptOptions, EngineEvent, Lang, Mode } from '../../src/engine/types';
import { viewOf } from '../../src/engine/view';
import { initI18n } from '../../src/i18n';
import { describeOutcome, gapLines, hudScore, penaltyLabel, scoreTable, valuesLine } from '../../src/ui/judgementText';
import { act, gowning } from './fixtures';

const c = prepare(gowning());
const options = (mode: Mode = 'training', forcedFault = 'none'): AttemptOptions => ({ seed: 11, mode, forcedFault });
const view = (events: EngineEvent[], o = options()) => viewOf(c, new Attempt(c, o, events).snapshot);
const lastOf = (events: EngineEvent[], o = options()) => view(events, o).outcomes.at(-1)!;
const perfect = perfectRun(c, options()).events;
const inLang = async (l: Lang) => void (await i18next.changeLanguage(l));

beforeAll(async () => {
  await initI18n('fr');
});

describe('too early: what comes first', () => {
  const tooEarly = [act('remove', 'personal-items'), act('don', 'facility-suit')];

  it('names each missing step with its place and, in training, its hint', async () => {
    await inLang('fr');
    expect(describeOutcome(lastOf(tooEarly))).toEqual({
      title: 'Trop tôt : Enfiler la tenue de zone, les chaussettes et les chaussures dédiées (−2 pts)',
      first: [
        '« Retirer la tenue de ville » (étape 3) — Aucun vêtement de ville, chaussettes comprises, ne passe vers la zone B.',
        '« Se laver les mains, au moins 40 s » (étape 4) — Le lavage se fait ici, au premier stade du vestiaire : toute la procédure prend 40 à 60 s (OMS) ; plus court, les mains ne sont pas propres.',
      ],
      // over the room: the names only (the hints are in the log)
      firstShort: ['« Retirer la tenue de ville » (étape 3)', '« Se laver les mains, au moins 40 s » (étape 4)'],
      detail: "Pas encore : une étape préalable de la procédure n'est pas faite. Suivez l'ordre du mode opératoire : il existe pour protéger le produit et les personnes.",
      tone: 'bad',
    });
    await inLang('en');
    const d = describeOutcome(lastOf(tooEarly));
    expect(d.title).toBe('Too early: Put on the facility suit, socks and dedicated shoes (−2 pts)');
    expect(d.first).toEqual([
      '“Take off outdoor clothes” (step 3) — No outdoor clothing, socks included, goes on towards Grade B.',
      '“Wash hands for at least 40 s” (step 4) — Hands are washed here, in the first stage of the change room: the whole procedure takes 40 to 60 s (WHO); any shorter and hands are not clean.',
    ]);
  });

  it('an unfinished earlier phase is named as a phase, before the steps of the tried step’s own phase', async () => {
    await inLang('fr');
    expect(describeOutcome(lastOf([act('don', 'inner-gloves')])).first).toEqual([
      'terminer la phase 1, « Vestiaire (premier stade) » (étapes restantes : 6)',
      '« Friction hydro-alcoolique 20 à 30 s » (étape 1) — Avant de toucher la tenue stérile, friction des mains 20 à 30 s.',
      "« Contrôler le sachet de tenue stérile » (étape 2) — Emballage intact, indicateur de stérilisation viré, dans sa durée de conservation après stérilisation (date sur l'étiquette) : sinon, la tenue n'est pas stérile (annexe 1, §7.11).",
      '« Ouvrir le sachet contrôlé » (étape 3)',
    ]);
    // over the room, four lines are too many to read at a glance: the first, and how many more the log gives
    expect(describeOutcome(lastOf([act('don', 'inner-gloves')])).firstShort).toEqual([
      'terminer la phase 1, « Vestiaire (premier stade) » (étapes restantes : 6)',
      '… et 3 autres (voir le journal)',
    ]);
    await inLang('en');
    expect(describeOutcome(lastOf([act('don', 'inner-gloves')])).first![0]).toBe('finish stage 1, “Changing room (first stage)” (steps left: 6)');
    expect(describeOutcome(lastOf([act('don', 'inner-gloves')])).firstShort![1]).toBe('… and 3 more (see the log)');
  });

  it('a raised fault comes first, named with its fault', async () => {
    await inLang('fr');
    const events = [act('declare', 'health-declaration'), act('remove', 'personal-items'), act('undress', 'locker'), act('wash', 'sink', 45), act('don', 'facility-suit'), act('cross', 'step-over-bench'), act('rub', 'hand-rub', 25), act('inspect', 'garment-pack'), act('check', 'mirror')];
    const first = describeOutcome(lastOf(events, options('training', 'torn-pack'))).first!;
    expect(first[0]).toBe("« Écarter le sachet et l'identifier non conforme » (imprévu : « Sachet de tenue endommagé ») — Un emballage ouvert ou abîmé : la tenue n'est plus stérile.");
    expect(first[3]).toBe("terminer la phase 2, « Sas d'habillage stérile » (étapes restantes : 8)");
    await inLang('en');
    expect(describeOutcome(lastOf(events, options('training', 'torn-pack'))).first![0]).toBe(
      '“Set the pack aside and label it non-compliant” (unexpected event: “Damaged garment pack”) — An open or damaged wrapping: the garments are no longer sterile.',
    );
  });

  it('in assessment, the debrief names the steps without their hints', async () => {
    await inLang('fr');
    const v = view([...tooEarly, act('enter', 'door-grade-b')], options('assessment'));
    const early = v.outcomes.find((o) => o.outcome.kind === 'early')!;
    expect(describeOutcome(early).first).toEqual(['« Retirer la tenue de ville » (étape 3)', '« Se laver les mains, au moins 40 s » (étape 4)']);
  });
});

describe('a rule of the scenario broken: named by the gesture', () => {
  it('the object and the action made', async () => {
    await inLang('fr');
    const o = lastOf([act('cross', 'step-over-bench')]);
    expect(describeOutcome(o).title).toBe("Erreur : Banc de franchissement — Franchir le banc, une jambe après l'autre (−15 pts)");
    await inLang('en');
    expect(describeOutcome(o).title).toBe('Mistake: Step-over bench — Cross the bench, one leg at a time (−15 pts)');
  });
});

describe('the batch record: values and entries named', () => {
  const washed = [act('remove', 'personal-items'), act('wash', 'sink', 45)];

  it('a wrong value: the entry, the value written, the value displayed and by what', async () => {
    await inLang('fr');
    const d = describeOutcome(lastOf([...washed, act('record', 'rec-wash-time', 54)]));
    expect(d.title).toBe('Erreur : Valeur inscrite inexacte (−3 pts)');
    expect(d.lines).toEqual(['Durée du lavage des mains (s) : écrit 54 s, affiché 45 s (Lavabo à commande non manuelle)']);
    await inLang('en');
    const e = describeOutcome(lastOf([...washed, act('record', 'rec-wash-time', 54)]));
    expect(e.title).toBe('Mistake: Inaccurate value written (−3 pts)');
    expect(e.lines).toEqual(['Hand-wash time (s): written 54 s, displayed 45 s (Hands-free sink)']);
  });

  it('a record entry made too soon: the rule and the entry, in the judgement and in the score table', async () => {
    await inLang('fr');
    const o = lastOf([act('remove', 'personal-items'), act('record', 'rec-wash-time', 45)]);
    expect(describeOutcome(o).title).toBe("Erreur : Case remplie avant l'opération (−5 pts)");
    expect(describeOutcome(o).lines).toEqual(['Case : « Durée du lavage des mains (s) »']);
    expect(penaltyLabel(o)).toBe("Erreur : Case remplie avant l'opération — « Durée du lavage des mains (s) »");
    await inLang('en');
    expect(describeOutcome(o).title).toBe('Mistake: Entry made before the operation (−5 pts)');
    expect(describeOutcome(o).lines).toEqual(['Entry: “Hand-wash time (s)”']);
  });

  it('numbers as the language writes them, with the display’s decimals, never fewer digits than typed', async () => {
    const mass = { fr: 'Masse pesée', en: 'Weighed mass' };
    const balance = { fr: 'Balance B-02', en: 'Balance B-02' };
    await inLang('fr');
    expect(valuesLine(mass, { written: 200.6, expected: 200.06, unit: 'g', decimals: 2, instrument: balance })).toBe('Masse pesée : écrit 200,60 g, affiché 200,06 g (Balance B-02)');
    expect(valuesLine(mass, { written: 200.064, expected: 200.06, unit: 'g', decimals: 2, instrument: balance })).toBe('Masse pesée : écrit 200,064 g, affiché 200,06 g (Balance B-02)');
    expect(valuesLine({ fr: 'Cellules viables', en: 'Viable cells' }, { written: 0.6, expected: 0.55 })).toBe('Cellules viables : écrit 0,6, attendu 0,55');
    expect(valuesLine({ fr: 'pH final', en: 'Final pH' }, { written: 7.3, expected: 7.21, unit: 'pH', decimals: 2, instrument: { fr: 'Console', en: 'Console' }, reading: { fr: 'pH', en: 'pH' } })).toBe(
      'pH final : écrit 7,30 pH, affiché 7,21 pH (Console — pH)',
    );
    await inLang('en');
    expect(valuesLine(mass, { written: 200.6, expected: 200.06, unit: 'g', decimals: 2, instrument: balance })).toBe('Weighed mass: written 200.60 g, displayed 200.06 g (Balance B-02)');
    expect(valuesLine({ fr: 'Cellules viables', en: 'Viable cells' }, { written: 0.6, expected: 0.55 })).toBe('Viable cells: written 0.6, expected 0.55');
  });

  it('blanks at submission: the entries, in the judgement and in the debrief’s conclusion', async () => {
    const v = view(perfect.filter((e) => e.target !== 'rec-entry-sign' && e.target !== 'rec-pack-check'));
    const blank = v.outcomes.find((o) => o.outcome.ref === 'gdp-blank')!;
    await inLang('fr');
    expect(describeOutcome(blank).title).toBe('Erreur : Case laissée vide (−6 pts)');
    expect(describeOutcome(blank).lines).toEqual(["Cases concernées : « Sachet de tenue : intègre, indicateur viré, dans la date », « Visa de l'opérateur à l'entrée en zone B »"]);
    expect(gapLines(v.recordGaps)).toEqual(["Cases vides : « Sachet de tenue : intègre, indicateur viré, dans la date », « Visa de l'opérateur à l'entrée en zone B »"]);
    await inLang('en');
    expect(describeOutcome(blank).lines).toEqual(['Entries concerned: “Garment pack: intact, indicator changed, in date”, “Operator\'s signature on entering Grade B”']);
    expect(gapLines(v.recordGaps)).toEqual(['Left blank: “Garment pack: intact, indicator changed, in date”, “Operator\'s signature on entering Grade B”']);
  });

  it('a wrong value left and a late entry are named in the conclusion too', async () => {
    const wrong = view(perfect.map((e) => (e.target === 'rec-wash-time' ? { ...e, value: 99 } : e)));
    await inLang('fr');
    expect(gapLines(wrong.recordGaps)).toEqual(['Valeurs fausses non corrigées : « Durée du lavage des mains (s) »']);
    // the wash time written once the airlock's hand rub is done: late
    const washTime = perfect.find((e) => e.target === 'rec-wash-time')!;
    const rest = perfect.filter((e) => e !== washTime);
    const rub = rest.findIndex((e) => e.target === 'hand-rub');
    const late = view([...rest.slice(0, rub + 1), washTime, ...rest.slice(rub + 1)]);
    expect(gapLines(late.recordGaps)).toEqual(['Inscrites en retard : « Durée du lavage des mains (s) »']);
    await inLang('en');
    expect(gapLines(wrong.recordGaps)).toEqual(['Wrong values not corrected: “Hand-wash time (s)”']);
    expect(gapLines(late.recordGaps)).toEqual(['Written late: “Hand-wash time (s)”']);
  });
});

describe('the score table', () => {
  it('points earned → score before penalties, each penalty with its category and severity, the score', async () => {
    const v = view([act('don', 'facility-suit'), act('cross', 'step-over-bench'), ...perfect.filter((e) => e.target !== 'rec-wash-time')]);
    await inLang('fr');
    expect(scoreTable(v.breakdown)).toEqual({
      summary: 'Points gagnés 139 / 142 → 98 ; pénalités −20 → 78',
      rows: [
        { label: 'Points gagnés : 139 sur 142 possibles (100 × 139 / 142)', points: '98' },
        { label: 'Trop tôt : Enfiler la tenue de zone, les chaussettes et les chaussures dédiées (Séquence, mineure)', points: '−2' },
        { label: "Erreur : Banc de franchissement — Franchir le banc, une jambe après l'autre (Technique aseptique, majeure)", points: '−15' },
        { label: 'Erreur : Case laissée vide (Documentation, majeure)', points: '−3' },
      ],
      total: { label: 'Score', points: '78/100' },
    });
    await inLang('en');
    const en = scoreTable(v.breakdown);
    expect(en.summary).toBe('Points earned 139 / 142 → 98; penalties −20 → 78');
    expect(en.rows[2]).toEqual({ label: 'Mistake: Step-over bench — Cross the bench, one leg at a time (Aseptic technique, major)', points: '−15' });
  });

  it('the critical rule that failed the attempt, and a score held at 0', async () => {
    const v = view([act('remove', 'personal-items'), act('enter', 'door-grade-b')]);
    await inLang('fr');
    const table = scoreTable(v.breakdown);
    expect(table.total).toEqual({ label: 'Score (un score ne descend pas sous 0)', points: '0/100' });
    expect(table.critical).toBe('Erreur critique : Porte vers la zone B — Entrer en zone B : la tentative échoue quel que soit le score.');
    await inLang('en');
    expect(scoreTable(v.breakdown).critical).toBe('Critical mistake: Door to the Grade B area — Enter the Grade B area: the attempt fails whatever the score.');
  });

  it('no penalty says so', async () => {
    await inLang('fr');
    expect(scoreTable(view(perfect).breakdown).rows.at(-1)).toEqual({ label: 'Aucune pénalité', points: '0' });
  });
});

describe('the HUD’s score follows what the reader may see', () => {
  it('penalties in training, hidden in assessment', async () => {
    await inLang('fr');
    expect(hudScore(view([act('don', 'facility-suit')]))).toBe('Pénalités : 2');
    expect(hudScore(view([act('don', 'facility-suit')], options('assessment')))).toBe('Score affiché au bilan');
  });
});
