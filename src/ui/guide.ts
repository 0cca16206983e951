/**
 * The short guide a trainee sees the first time they play (and again from
 * the HUD's "Guide" button): five cards, each pointing at the part of the
 * screen it is about — the stations of the room, a close-up, a drag, reading
 * an instrument, the drawer. Skippable at any card, by touch, mouse or
 * keyboard (Escape skips, arrows move). It only shows; the app decides when.
 */
import { t } from '../i18n';
import { h, render } from './dom';

interface Card {
  id: 'stations' | 'closeup' | 'drag' | 'reading' | 'drawer';
  /** What the card points at in the play screen. */
  spot: string;
}

const CARDS: Card[] = [
  { id: 'stations', spot: '.room' },
  { id: 'closeup', spot: '.room' },
  { id: 'drag', spot: '.room' },
  { id: 'reading', spot: '.room' },
  { id: 'drawer', spot: '[data-key="drawer"]' },
];

/** Shows the guide over `play`; `done` is called once, when it is finished or skipped. */
export function showGuide(play: HTMLElement, done: () => void): { close(silently?: boolean): void } {
  let index = 0;
  const layer = h('div', { class: 'guide-layer' });
  const card = h('div', { class: 'guide-card', role: 'dialog', 'aria-modal': 'true', 'aria-labelledby': 'guide-h', 'aria-describedby': 'guide-text' });
  layer.append(card);
  const before = document.activeElement as HTMLElement | null;
  let closed = false;

  const unspot = () => play.querySelectorAll('.guide-spot').forEach((el) => el.classList.remove('guide-spot'));
  const close = (silently = false) => {
    if (closed) return;
    closed = true;
    unspot();
    layer.remove();
    document.removeEventListener('keydown', onKey, true);
    if (silently) return;
    before?.focus?.();
    done();
  };
  const go = (i: number) => {
    index = Math.max(0, Math.min(CARDS.length - 1, i));
    draw();
  };
  const onKey = (ev: KeyboardEvent) => {
    if (ev.key === 'Escape') {
      ev.preventDefault();
      close();
    } else if (ev.key === 'ArrowRight') go(index + 1);
    else if (ev.key === 'ArrowLeft') go(index - 1);
    else if (ev.key === 'Tab') {
      // keep the focus in the card while it is open
      const items = [...card.querySelectorAll<HTMLElement>('button')];
      const i = items.indexOf(document.activeElement as HTMLElement);
      if (ev.shiftKey && i <= 0) {
        ev.preventDefault();
        items[items.length - 1]?.focus();
      } else if (!ev.shiftKey && i === items.length - 1) {
        ev.preventDefault();
        items[0]?.focus();
      }
    }
  };

  const draw = () => {
    const c = CARDS[index]!;
    unspot();
    play.querySelector(c.spot)?.classList.add('guide-spot');
    const last = index === CARDS.length - 1;
    render(
      card,
      h('p', { class: 'guide-count' }, t('guide.count', { index: index + 1, count: CARDS.length })),
      h('h2', { id: 'guide-h' }, t(`guide.${c.id}.title`)),
      h('p', { id: 'guide-text' }, t(`guide.${c.id}.text`)),
      h(
        'div',
        { class: 'guide-buttons' },
        h('button', { type: 'button', class: 'secondary', 'data-key': 'guide-skip', onclick: () => close() }, t('guide.skip')),
        index > 0 ? h('button', { type: 'button', class: 'secondary', 'data-key': 'guide-prev', onclick: () => go(index - 1) }, t('guide.prev')) : null,
        h('button', { type: 'button', class: 'primary', 'data-key': last ? 'guide-done' : 'guide-next', onclick: () => (last ? close() : go(index + 1)) }, last ? t('guide.done') : t('guide.next')),
      ),
    );
    card.querySelector<HTMLElement>(last ? '[data-key="guide-done"]' : '[data-key="guide-next"]')?.focus();
  };

  play.append(layer);
  document.addEventListener('keydown', onKey, true);
  draw();
  return { close: (silently?: boolean) => close(silently) };
}
