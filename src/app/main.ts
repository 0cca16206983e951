/**
 * The composition root: starts i18n, loads the scenarios, and wires one
 * training session together (engine attempt → play screen and room → debrief).
 */
import { Attempt, prepare, type CompiledScenario } from '../engine/attempt';
import { newSeed } from '../engine/random';
import type { Lang, Mode, Scenario } from '../engine/types';
import { viewOf } from '../engine/view';
import { detectLanguage, initI18n, lang, setLanguage, t } from '../i18n';
import { debriefScreen } from '../ui/debriefScreen';
import { h, render } from '../ui/dom';
import { homeScreen } from '../ui/homeScreen';
import { PlayScreen } from '../ui/playScreen';
import { builtinCatalog, type Catalog } from './scenarioCatalog';
import '../ui/styles.css';

const LANG_KEY = 'salle-blanche.lang';

interface Session {
  compiled: CompiledScenario;
  attempt: Attempt;
  screen: PlayScreen;
}

class App {
  private main = document.getElementById('main')!;
  private header = document.getElementById('app-header')!;
  private catalog: Catalog = builtinCatalog();
  private session: Session | null = null;
  private onLanguage: (() => void) | null = null;

  async start() {
    const saved = safeGet(LANG_KEY);
    await initI18n(detectLanguage(saved));
    document.documentElement.lang = lang();
    this.drawHeader();
    // A link can open a scenario directly: ?scenario=gowning&mode=assessment&seed=42&fault=none
    const q = new URLSearchParams(location.search);
    const direct = this.catalog.scenarios.find((s) => s.id === q.get('scenario'));
    const mode = (['discovery', 'training', 'assessment'] as Mode[]).find((m) => m === q.get('mode')) ?? 'training';
    const seed = Number(q.get('seed'));
    if (direct) this.play(direct, mode, { seed: Number.isInteger(seed) && q.has('seed') ? seed : undefined, forcedFault: q.get('fault') ?? undefined });
    else this.home();
  }

  private drawHeader() {
    const select = h(
      'select',
      { id: 'lang-select', 'aria-label': t('app.language'), onchange: (e: Event) => this.switchLanguage((e.target as HTMLSelectElement).value as Lang) },
      h('option', { value: 'fr', selected: lang() === 'fr' }, 'Français'),
      h('option', { value: 'en', selected: lang() === 'en' }, 'English'),
    );
    render(
      this.header,
      h('a', { class: 'skip', href: '#main' }, t('app.skip')),
      h('div', { class: 'brand' }, h('span', { class: 'logo', 'aria-hidden': 'true' }, '◈'), h('span', { class: 'app-title' }, t('app.title'))),
      h('label', { class: 'lang' }, select),
    );
  }

  private async switchLanguage(l: Lang) {
    await setLanguage(l);
    safeSet(LANG_KEY, l);
    this.drawHeader();
    (document.getElementById('lang-select') as HTMLElement | null)?.focus();
    if (this.onLanguage) this.onLanguage();
  }

  home() {
    this.session = null;
    this.onLanguage = () => this.home();
    render(this.main, h('p', { class: 'tagline' }, t('app.tagline')), homeScreen({ scenarios: this.catalog.scenarios, broken: this.catalog.broken, start: (s, m) => this.play(s, m) }));
    document.title = t('app.title');
  }

  play(scenario: Scenario, mode: Mode, extra: { seed?: number; forcedFault?: string } = {}) {
    const compiled = prepare(scenario);
    const forcedFault = extra.forcedFault && (extra.forcedFault === 'none' || scenario.faults.some((f) => f.id === extra.forcedFault)) ? extra.forcedFault : undefined;
    const attempt = new Attempt(compiled, { seed: extra.seed ?? newSeed(), mode, ...(forcedFault ? { forcedFault } : {}) });
    const screen = new PlayScreen(compiled, {
      act: (e) => attempt.send(e),
      quit: () => {
        if (confirm(t('play.quitConfirm'))) this.home();
      },
    });
    this.session = { compiled, attempt, screen };
    render(this.main, screen.el);
    const refresh = () => {
      const view = viewOf(compiled, attempt.snapshot);
      if (view.end === 'passed' || view.end === 'failed') return this.debrief(compiled, attempt, screen);
      screen.update(view);
    };
    attempt.subscribe(refresh);
    this.onLanguage = () => screen.relabel();
    refresh();
    document.title = `${t('app.title')} — ${scenario.title[lang()]}`;
  }

  private debrief(compiled: CompiledScenario, attempt: Attempt, screen: PlayScreen) {
    const draw = () => {
      const view = viewOf(compiled, attempt.snapshot);
      render(
        this.main,
        debriefScreen({ compiled, view, describe: (o) => screen.describe(o), again: () => this.play(compiled.scenario, attempt.options.mode), home: () => this.home() }),
      );
      document.getElementById('debrief-h')?.focus();
    };
    this.onLanguage = draw;
    draw();
  }
}

function safeGet(key: string): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}
function safeSet(key: string, value: string) {
  try {
    localStorage.setItem(key, value);
  } catch {
    /* private mode: the choice lasts for this visit */
  }
}

void new App().start();
