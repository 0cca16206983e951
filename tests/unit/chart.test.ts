import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { prepare } from '../../src/engine/attempt';
import { chartOf } from '../../src/engine/chart';
import type { Scenario } from '../../src/engine/types';
import { gowning } from './fixtures';

const s = gowning();
const c = prepare(s);

describe("a scenario's chart", () => {
  const chart = chartOf(c);
  const lines = chart.split('\n');
  const lineOf = (text: string) => lines.findIndex((l) => l.includes(text));

  it('names the phases of gowning in order, each with the steps it judges', () => {
    expect(lines[0]).toBe('---');
    expect(chart).toContain('stateDiagram-v2');
    const at = s.phases.map((p, i) => lineOf(`state "${i + 1}. ${p.title.fr}" as phase_${p.id.replace(/-/g, '_')}`));
    expect(at.every((i) => i > 0)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
    for (const st of s.steps) {
      const line = lineOf(`• ${st.title.fr.replace(/:/g, '\uA789')}`);
      expect(lines[line], st.id).toMatch(new RegExp(`^\\s*phase_${st.phase.replace(/-/g, '_')} : `));
    }
  });

  it('draws a region per fault with its stages, beside the procedure, then closure and the end', () => {
    for (const f of s.faults) {
      const id = `fault_${f.id.replace(/-/g, '_')}`;
      expect(chart).toContain(`state "Panne : ${f.title.fr}" as ${id} {`);
      for (const stage of ['quiet', 'raised', 'contained', 'documented']) expect(chart).toContain(`as ${id}_${stage}`);
      expect(chart).toContain(`${id}_documented --> ${id}_raised : survient de nouveau`);
    }
    expect(lines.filter((l) => l.trim() === '--')).toHaveLength(s.faults.length);
    expect(chart).toContain('running --> closure : procédure terminée');
    expect(chart).toMatch(/running --> failed : règle critique \(use-torn-pack, enter-incomplete, enter-torn-glove\)/);
    expect(chart).toContain('review --> passed : note ≥ seuil');
  });

  it('is well formed Mermaid: ids without dashes, labels without colons, braces balanced', () => {
    const opened = lines.filter((l) => l.trimEnd().endsWith('{')).length;
    expect(lines.filter((l) => l.trim() === '}')).toHaveLength(opened);
    for (const l of lines.filter((x) => x.includes('-->'))) expect(l).toMatch(/^\s*[\w[\]*]+ --> [\w[\]*]+( : [^:;]+)?$/);
  });

  it('speaks English when asked', () => {
    const en = chartOf(c, 'en');
    expect(en).toContain(`state "1. ${s.phases[0]!.title.en}"`);
    expect(en).toContain('review --> passed : score ≥ pass mark');
  });
});

describe('the chart of phases held by faults and of decisions', () => {
  const load = (id: string) => prepare(JSON.parse(readFileSync(resolve(import.meta.dirname, `../../scenarios/${id}.json`), 'utf8')) as Scenario);

  it("draws deviation handling's meeting as the third phase, with the faults' day-3 steps, entered only when a fault happened", () => {
    const chart = chartOf(load('deviation-handling'));
    expect(chart).toContain(`state "3. Réunion d'investigation (J+3)" as phase_investigation_meeting`);
    // a step every variant shares, once, with how many faults; a variant's own, with its fault
    expect(chart).toContain("phase_investigation_meeting : • J+3 — Rejoindre la réunion d'investigation avec le cahier de route (3 pannes)");
    expect(chart).toContain('phase_investigation_meeting : • J+3 — 5 pourquoi \uA789 pourquoi 12 600 mL ? Consulter le journal de la pompe (panne \uA789 Volume de feed erroné ajouté par un collègue)');
    expect(chart).toContain('phase_round --> phase_investigation_meeting : étapes faites, aucune panne en attente, une panne survenue y a ses étapes');
    expect(chart).toContain('phase_round --> [*] : étapes faites, aucune panne en attente, sinon la phase suivante est passée');
  });

  it("draws purification's hold as an ending of its own, not as the procedure done", () => {
    const chart = chartOf(load('purification'));
    expect(chart).toContain('running --> closure : procédure terminée\n');
    expect(chart).toContain("running --> closure : Lot mis en attente (décision correcte) — pH du pool d'inactivation sous la plage validée\n");
    expect(chart).toContain('review --> on_hold : décision prise, note ≥ seuil');
    expect(chartOf(load('purification'), 'en')).toContain('running --> closure : Lot put on hold (correct decision) — ');
  });
});
