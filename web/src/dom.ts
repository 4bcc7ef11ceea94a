// Small DOM helpers shared by the views: element building, labelled form fields, status and error messages.

type Child = Node | string | number | null | undefined | false;
type Attrs = Record<string, string | number | boolean | null | undefined | EventListener>;

/** `h('a', {href: '#/'}, 'home')`: attributes (on* become listeners) and children (strings become text). */
export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Attrs = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === null || v === false) continue;
    if (k.startsWith('on') && typeof v === 'function') el.addEventListener(k.slice(2), v);
    else el.setAttribute(k, v === true ? '' : String(v));
  }
  for (const c of children) if (c !== null && c !== undefined && c !== false) el.append(c instanceof Node ? c : String(c));
  return el;
}

let fieldSeq = 0;

/** A labelled input (label + control), the control's id unique on the page. */
export function field(label: string, input: HTMLInputElement | HTMLSelectElement, hint?: string): HTMLElement {
  const id = input.id || `f${++fieldSeq}`;
  input.id = id;
  if (hint) input.setAttribute('aria-describedby', `${id}-hint`);
  return h('div', { class: 'field' }, h('label', { for: id }, label), input, hint ? h('small', { id: `${id}-hint` }, hint) : null);
}

export function select(name: string, options: [string, string][], value: string): HTMLSelectElement {
  const s = h('select', { name });
  for (const [v, text] of options) s.append(h('option', { value: v, selected: v === value }, text));
  return s;
}

/** A status line read out by screen readers; `error` shows an API error's code and message. */
export function status(): { el: HTMLElement; set: (text: string) => void; error: (e: unknown) => void } {
  const el = h('p', { class: 'status', role: 'status', 'aria-live': 'polite' });
  return {
    el,
    set: (text) => {
      el.classList.remove('error');
      el.textContent = text;
    },
    error: (e) => {
      el.classList.add('error');
      const code = (e as { code?: string }).code;
      el.textContent = `${code ? `${code}: ` : ''}${e instanceof Error ? e.message : String(e)}`;
    },
  };
}

export const QUAD_NAMES = ['', 'Verbal cooperation', 'Material cooperation', 'Verbal conflict', 'Material conflict'];
export const QUAD_COLORS = ['', '#4c9f70', '#1b6e3f', '#e39b3b', '#c0392b'];

/** Goldstein -10..10 as a colour from red (conflict) through grey to green (cooperation). */
export function goldsteinColor(g: number): string {
  const t = Math.max(-1, Math.min(1, g / 10));
  const [a, b] = t < 0 ? [[150, 150, 150], [192, 57, 43]] : [[150, 150, 150], [27, 110, 63]];
  const k = Math.abs(t);
  const c = a.map((x, i) => Math.round(x + (b[i] - x) * k));
  return `rgb(${c.join(',')})`;
}

export const fmt = (n: number, digits = 2) => (Number.isFinite(n) ? Number(n.toFixed(digits)).toString() : '–');
