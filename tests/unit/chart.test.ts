import { describe, expect, it } from 'vitest';
import { prepare } from '../../src/engine/attempt';
import { chartOf } from '../../src/engine/chart';
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
