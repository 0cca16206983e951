/**
 * The career-day kiosk screens: an inviting start screen with the day's best
 * anonymous scores, and a result screen with "did you know?" facts and job
 * cards (each with its source). No personal data is asked beyond an optional
 * pseudonym, forgotten at the next reset.
 */
import careers from '../../locales/careers.json';
import type { Localized } from '../engine/types';
import { t, tr } from '../i18n';
import { h } from './dom';

/** The kiosk's idle time, in seconds, may be chosen between these. */
export const KIOSK_IDLE_MIN = 10;
export const KIOSK_IDLE_MAX = 600;

interface Card {
  id: string;
  title?: Localized;
  text: Localized;
  source: Localized;
}

export interface KioskStartOptions {
  board: { score: number; at: number }[];
  play(pseudonym: string): void;
  exit(): void;
}

export function kioskStart(o: KioskStartOptions): HTMLElement {
  const nick = h('input', { id: 'kiosk-nick', type: 'text', maxlength: 20, autocomplete: 'off', spellcheck: 'false' });
  return h(
    'div',
    { class: 'kiosk kiosk-start' },
    h('h2', { class: 'kiosk-title' }, t('kiosk.title')),
    h('p', { class: 'kiosk-lead' }, t('kiosk.lead')),
    h(
      'form',
      {
        class: 'kiosk-form',
        onsubmit: (e: Event) => {
          e.preventDefault();
          o.play(nick.value.replace(/\s+/g, ' ').trim().slice(0, 20));
        },
      },
      h('label', { for: 'kiosk-nick' }, t('kiosk.nick')),
      nick,
      h('button', { type: 'submit', class: 'primary kiosk-play' }, t('kiosk.play')),
    ),
    h(
      'section',
      { class: 'kiosk-board', 'aria-labelledby': 'board-h' },
      h('h3', { id: 'board-h' }, t('kiosk.board')),
      o.board.length
        ? h('ol', {}, o.board.map((b) => h('li', {}, t('kiosk.boardRow', { score: b.score, time: new Intl.DateTimeFormat(undefined, { timeStyle: 'short' }).format(new Date(b.at)) }))))
        : h('p', { class: 'muted' }, t('kiosk.boardEmpty')),
    ),
    h('button', { type: 'button', class: 'link kiosk-exit', onclick: o.exit }, t('kiosk.exit')),
  );
}

export interface KioskResultOptions {
  pseudonym: string;
  score: number;
  outro?: Localized;
  seed: number;
  again(): void;
  idleSeconds: number;
}

function card(c: Card) {
  return h('li', { class: 'kiosk-card' }, c.title ? h('h4', {}, tr(c.title)) : null, h('p', {}, tr(c.text)), h('p', { class: 'source' }, t('kiosk.source', { source: tr(c.source) })));
}

export function kioskResult(o: KioskResultOptions): HTMLElement {
  const facts = careers.facts as Card[];
  const jobs = careers.jobs as Card[];
  const pick = <T,>(list: T[], n: number) => list.map((x, i) => [x, (i * 7919 + o.seed) % 101] as const).sort((a, b) => a[1] - b[1]).slice(0, n).map(([x]) => x);
  return h(
    'div',
    { class: 'kiosk kiosk-result' },
    h('h2', { tabindex: -1, id: 'kiosk-result-h' }, o.pseudonym ? t('kiosk.wellDoneName', { name: o.pseudonym }) : t('kiosk.wellDone')),
    h('p', { class: 'big-score', 'data-testid': 'kiosk-score' }, t('kiosk.score', { score: o.score })),
    o.outro ? h('p', { class: 'outro' }, tr(o.outro)) : null,
    h('h3', {}, t('kiosk.didYouKnow')),
    h('ul', { class: 'kiosk-cards' }, pick(facts, 2).map(card)),
    h('h3', {}, t('kiosk.jobs')),
    h('ul', { class: 'kiosk-cards' }, pick(jobs, 3).map(card)),
    h('p', { class: 'muted' }, t('kiosk.resetIn', { count: o.idleSeconds })),
    h('button', { type: 'button', class: 'primary', onclick: o.again }, t('kiosk.next')),
  );
}
