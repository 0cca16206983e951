/**
 * The career-day kiosk screens: an attract screen (a drawing of the room, the
 * day's best anonymous runs, a QR code to the course's page), and a result
 * screen (the score, its place on the board, or why a critical mistake
 * stopped the run) with "did you know?" facts and job cards (each with its
 * source). No personal data is asked beyond an optional
 * pseudonym, forgotten at the next reset.
 */
import careers from '../../locales/careers.json';
import type { Localized } from '../engine/types';
import type { BoardEntry } from '../engine/kioskBoard';
import { lang, t, tr } from '../i18n';
import { h } from './dom';
import { qrSvg } from './qrCode';

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
  board: BoardEntry[];
  /** The course's web page (set by the instructor), shown as a QR code; none when unset. */
  courseUrl?: string;
  play(pseudonym: string): void;
  exit(): void;
}

const SVG = 'http://www.w3.org/2000/svg';
type Shape = [tag: string, attrs: Record<string, string | number>];

/**
 * A still drawing of the room the visitor is about to enter: the cleanroom's
 * wall and floor, a rocking bioreactor bag with its sampling port and display,
 * a safety cabinet, and a technician in a coverall, hood, mask and gloves.
 */
const ROOM: Shape[] = [
  ['rect', { x: 0, y: 0, width: 480, height: 220, fill: '#e8f1f8' }],
  ['rect', { x: 0, y: 220, width: 480, height: 60, fill: '#cfdbe6' }],
  ['rect', { x: 20, y: 18, width: 140, height: 26, rx: 4, fill: '#ffffff', stroke: '#9fb3c8' }],
  ['rect', { x: 320, y: 18, width: 140, height: 26, rx: 4, fill: '#ffffff', stroke: '#9fb3c8' }],
  // safety cabinet
  ['rect', { x: 30, y: 80, width: 150, height: 140, rx: 6, fill: '#f7fafc', stroke: '#5b7083', 'stroke-width': 3 }],
  ['rect', { x: 42, y: 96, width: 126, height: 70, rx: 4, fill: '#d6ecf7', stroke: '#5b7083' }],
  ['rect', { x: 30, y: 220, width: 150, height: 16, fill: '#5b7083' }],
  ['circle', { cx: 70, cy: 150, r: 8, fill: '#f2c14e' }],
  ['rect', { x: 100, y: 138, width: 12, height: 24, rx: 3, fill: '#8fb996' }],
  // bioreactor: a bag on a rocking platform, its display and sampling port
  ['rect', { x: 300, y: 170, width: 140, height: 50, rx: 6, fill: '#5b7083' }],
  ['ellipse', { cx: 370, cy: 150, rx: 66, ry: 26, fill: '#f6d7a7', stroke: '#c98b2f', 'stroke-width': 3 }],
  ['rect', { x: 318, y: 190, width: 44, height: 18, rx: 3, fill: '#173f2f' }],
  ['text', { x: 340, y: 203, 'font-size': 11, 'text-anchor': 'middle', fill: '#7ee2a8', 'font-family': 'monospace' }],
  ['rect', { x: 430, y: 140, width: 16, height: 8, rx: 2, fill: '#2b7bb9' }],
  // technician: coverall, hood, mask, goggles, gloves
  ['rect', { x: 222, y: 120, width: 56, height: 100, rx: 22, fill: '#ffffff', stroke: '#7d93a8', 'stroke-width': 2 }],
  ['rect', { x: 226, y: 214, width: 20, height: 44, rx: 6, fill: '#ffffff', stroke: '#7d93a8', 'stroke-width': 2 }],
  ['rect', { x: 254, y: 214, width: 20, height: 44, rx: 6, fill: '#ffffff', stroke: '#7d93a8', 'stroke-width': 2 }],
  ['circle', { cx: 250, cy: 96, r: 26, fill: '#ffffff', stroke: '#7d93a8', 'stroke-width': 2 }],
  ['rect', { x: 234, y: 84, width: 32, height: 10, rx: 4, fill: '#bfe3f5', stroke: '#5b7083' }],
  ['rect', { x: 236, y: 98, width: 28, height: 12, rx: 4, fill: '#d9e6f2' }],
  ['rect', { x: 196, y: 132, width: 30, height: 14, rx: 7, fill: '#ffffff', stroke: '#7d93a8', 'stroke-width': 2, transform: 'rotate(20 211 139)' }],
  ['rect', { x: 274, y: 132, width: 34, height: 14, rx: 7, fill: '#ffffff', stroke: '#7d93a8', 'stroke-width': 2, transform: 'rotate(-20 291 139)' }],
  ['circle', { cx: 193, cy: 150, r: 7, fill: '#6aa5d8' }],
  ['circle', { cx: 309, cy: 126, r: 7, fill: '#6aa5d8' }],
];

function roomPicture(): SVGSVGElement {
  const svg = document.createElementNS(SVG, 'svg');
  svg.setAttribute('viewBox', '0 0 480 280');
  svg.setAttribute('class', 'kiosk-picture');
  svg.setAttribute('role', 'img');
  svg.setAttribute('aria-label', t('kiosk.picture'));
  for (const [tag, attrs] of ROOM) {
    const el = document.createElementNS(SVG, tag);
    for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
    if (tag === 'text') el.textContent = '37 °C';
    svg.append(el);
  }
  return svg;
}

/** A run's length as the board shows it: "2 min 05 s", or "45 s". */
export function runLength(seconds: number): string {
  const m = Math.floor(seconds / 60);
  const s = seconds % 60;
  return m ? t('kiosk.minSec', { min: m, sec: String(s).padStart(2, '0') }) : t('kiosk.sec', { sec: s });
}

export function kioskStart(o: KioskStartOptions): HTMLElement {
  const nick = h('input', { id: 'kiosk-nick', type: 'text', maxlength: 20, autocomplete: 'off', spellcheck: 'false' });
  const time = new Intl.DateTimeFormat(lang(), { timeStyle: 'short' });
  return h(
    'div',
    { class: 'kiosk kiosk-start' },
    h('div', { class: 'kiosk-hero' }, roomPicture(), h('div', { class: 'kiosk-hero-text' }, h('h2', { class: 'kiosk-title' }, t('kiosk.title')), h('p', { class: 'kiosk-lead' }, t('kiosk.lead')))),
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
      'div',
      { class: 'kiosk-row' },
      h(
        'section',
        { class: 'kiosk-board', 'aria-labelledby': 'board-h' },
        h('h3', { id: 'board-h' }, t('kiosk.board')),
        o.board.length
          ? h('ol', {}, o.board.map((b) => h('li', {}, t('kiosk.boardRow', { score: b.score, length: runLength(b.seconds), time: time.format(new Date(b.at)) }))))
          : h('p', { class: 'muted' }, t('kiosk.boardEmpty')),
      ),
      o.courseUrl
        ? h('figure', { class: 'kiosk-qr' }, qrSvg(o.courseUrl, t('kiosk.qrLabel', { url: o.courseUrl })), h('figcaption', {}, h('strong', {}, t('kiosk.qrCaption')), h('br'), h('span', { class: 'qr-url', translate: 'no' }, o.courseUrl)))
        : null,
    ),
    h('button', { type: 'button', class: 'link kiosk-exit', onclick: o.exit }, t('kiosk.exit')),
  );
}

export interface KioskResultOptions {
  pseudonym: string;
  score: number;
  /** How long the run took. */
  seconds: number;
  /** Its place on the day's board (1 for the best), when it made it. */
  rank?: number;
  /** A critical mistake stopped the run: why it matters (the rule's explanation). */
  stopped?: Localized;
  /** What follows a run taken to its end (the scenario's outro): none after a stop or a fail. */
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
    o.stopped
      ? h('h2', { tabindex: -1, id: 'kiosk-result-h' }, o.pseudonym ? t('kiosk.stoppedName', { name: o.pseudonym }) : t('kiosk.stopped'))
      : h('h2', { tabindex: -1, id: 'kiosk-result-h' }, o.pseudonym ? t('kiosk.wellDoneName', { name: o.pseudonym }) : t('kiosk.wellDone')),
    o.stopped ? h('div', { class: 'kiosk-stopped', 'data-testid': 'kiosk-stopped' }, h('p', {}, t('kiosk.stoppedLead')), h('p', {}, tr(o.stopped)), h('p', {}, t('kiosk.stoppedComfort'))) : null,
    h('p', { class: 'big-score', 'data-testid': 'kiosk-score' }, t('kiosk.score', { score: o.score })),
    h('p', { class: 'kiosk-length' }, o.rank ? t('kiosk.ranked', { length: runLength(o.seconds), rank: o.rank }) : t('kiosk.length', { length: runLength(o.seconds) })),
    o.outro ? h('p', { class: 'outro' }, tr(o.outro)) : null,
    h('h3', {}, t('kiosk.didYouKnow')),
    h('ul', { class: 'kiosk-cards' }, pick(facts, 2).map(card)),
    h('h3', {}, t('kiosk.jobs')),
    h('ul', { class: 'kiosk-cards' }, pick(jobs, 3).map(card)),
    h('p', { class: 'muted' }, t('kiosk.resetIn', { count: o.idleSeconds })),
    h('button', { type: 'button', class: 'primary', onclick: o.again }, t('kiosk.next')),
  );
}
