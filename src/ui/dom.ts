/**
 * A tiny DOM builder that only ever sets text (never HTML), so any text that
 * comes from a scenario or a file is shown as text, and a helper that keeps
 * keyboard focus on the same control across re-renders.
 */
type Child = Node | string | number | null | undefined | false;
type Attrs = Record<string, string | number | boolean | undefined | null | EventListener>;

export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Attrs = {}, ...children: (Child | Child[])[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === null || v === false) continue;
    if (typeof v === 'function') el.addEventListener(k.replace(/^on/, '').toLowerCase(), v);
    else if (v === true) el.setAttribute(k, '');
    else el.setAttribute(k, String(v));
  }
  append(el, children);
  return el;
}

function append(el: Element, children: (Child | Child[])[]) {
  for (const c of children.flat()) {
    if (c === null || c === undefined || c === false) continue;
    el.append(typeof c === 'string' || typeof c === 'number' ? document.createTextNode(String(c)) : c);
  }
}

/** Replaces the content of `el`, keeping focus on the element with the same data-key. */
export function render(el: Element, ...children: (Child | Child[])[]) {
  const active = document.activeElement as HTMLElement | null;
  const key = active && el.contains(active) ? active.dataset.key : undefined;
  el.replaceChildren();
  append(el, children);
  if (key) (el.querySelector(`[data-key="${CSS.escape(key)}"]`) as HTMLElement | null)?.focus();
}

/**
 * What the person was doing in `el`: which disclosures (details with a
 * data-key) were open, what was typed in each field with a data-key, and the
 * focus with its caret. Returns what puts it back once `el`'s content has been
 * made again (the focus only if it left `el`).
 */
function keepState(el: Element): () => void {
  const open = new Set<string>();
  const typed = new Map<string, string>();
  for (const d of el.querySelectorAll<HTMLDetailsElement>('details[data-key]')) if (d.open) open.add(d.dataset.key!);
  for (const i of el.querySelectorAll<HTMLInputElement>('input[data-key], textarea[data-key]')) if (i.value && i.type !== 'checkbox' && i.type !== 'radio') typed.set(i.dataset.key!, i.value);
  const active = document.activeElement as HTMLInputElement | null;
  const focusKey = active && el.contains(active) ? active.dataset.key : undefined;
  let caret: [number | null, number | null] | null = null;
  try {
    caret = focusKey && active && 'selectionStart' in active ? [active.selectionStart, active.selectionEnd] : null;
  } catch {
    caret = null;
  }
  return () => {
    if (open.size) for (const d of el.querySelectorAll<HTMLDetailsElement>('details[data-key]')) if (open.has(d.dataset.key!)) d.open = true;
    if (typed.size)
      for (const i of el.querySelectorAll<HTMLInputElement>('input[data-key], textarea[data-key]')) {
        const v = typed.get(i.dataset.key!);
        if (v !== undefined && !i.value) i.value = v;
      }
    if (!focusKey || el.contains(document.activeElement)) return;
    const next = el.querySelector<HTMLInputElement>(`[data-key="${CSS.escape(focusKey)}"]`);
    next?.focus();
    if (next && caret && caret[0] !== null) {
      try {
        next.setSelectionRange(caret[0], caret[1]);
      } catch {
        /* not a text field */
      }
    }
  };
}

/**
 * Replaces the content of `el` as render does, and keeps what the person was
 * doing in it: which disclosures (details with a data-key) were open, what
 * was typed in each field with a data-key, and the focus with its caret. A
 * redraw after an event then never closes a hint or loses a typed value.
 */
export function patch(el: Element, ...children: (Child | Child[])[]) {
  const restore = keepState(el);
  el.replaceChildren();
  append(el, children);
  restore();
}

/** Reads a number typed in French (7,2) or English (7.2). */
export function readNumber(input: HTMLInputElement): number | undefined {
  if (!Number.isNaN(input.valueAsNumber)) return input.valueAsNumber;
  const n = Number(input.value.trim().replace(',', '.'));
  return input.value.trim() !== '' && Number.isFinite(n) ? n : undefined;
}

/** The key each element of a keyed list was made for (see keyed). */
const madeFor = new WeakMap<Element, string>();

/**
 * Sets the children of `el` to `items` in order, making an item's element
 * again only when its key changed: an element whose key is unchanged stays as
 * it is, with its focus, its open disclosures and what was typed in it. After
 * an event a list of thirty objects then makes again the one or two that
 * changed instead of all thirty, and a control that did not change keeps the
 * focus (giving it back would make the browser lay the page out at once).
 * What is made again keeps what patch keeps.
 */
export function keyed(el: Element, items: readonly { key: string; make: () => Element }[]) {
  const before = new Map<string, Element>();
  for (const c of Array.from(el.children)) {
    const k = madeFor.get(c);
    if (k !== undefined && !before.has(k)) before.set(k, c);
  }
  const restore = keepState(el);
  const next = items.map((it) => {
    const kept = before.get(it.key);
    if (kept) {
      before.delete(it.key);
      return kept;
    }
    const made = it.make();
    madeFor.set(made, it.key);
    return made;
  });
  for (const c of before.values()) c.remove();
  for (const c of Array.from(el.childNodes)) if (!(c instanceof Element) || !madeFor.has(c)) c.remove();
  next.forEach((node, i) => {
    if (el.children[i] !== node) el.insertBefore(node, el.children[i] ?? null);
  });
  restore();
}
