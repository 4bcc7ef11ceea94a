// The article view: the text with each event's source, target, trigger, date and place spans highlighted (evidence
// sentences shaded); hovering, focusing or clicking a highlight shows the dictionary entries and rules behind it.
import { api, type ArticleView, type Row, type Span } from '../api';
import { QUAD_NAMES, fmt, h, status } from '../dom';
import type { Route } from '../route';

const KINDS = ['trigger', 'source', 'target', 'place', 'date'] as const;

export async function articleView(main: HTMLElement, route: Route): Promise<void> {
  const id = route.parts[1];
  if (!id) {
    main.append(h('h2', {}, 'Article'), h('p', {}, 'Open an article from the ', h('a', { href: '#/events' }, 'event table'), '.'));
    return;
  }
  const s = status();
  main.append(s.el);
  s.set('Loading…');
  const view = await api.article(id);
  s.set('');
  const { article } = view;
  const events = new Map<string, Row>();
  for (const e of view.events) if (!events.has(String(e.event_id))) events.set(String(e.event_id), e);

  const detail = h('section', { class: 'why', 'aria-live': 'polite', 'aria-label': 'Why: the rules behind the highlight' },
    h('p', { class: 'hint' }, 'Hover over, focus (Tab) or click a highlight to see the dictionary entries and rules that produced it.'));
  const text = h('div', { class: 'article-text', id: 'article-text' });
  text.append(renderText(article.text, view.spans));

  const showSpans = (mark: HTMLElement) => {
    const spans = (mark.dataset.spans ?? '').split(' ').filter(Boolean).map((i) => view.spans[Number(i)]);
    detail.replaceChildren(h('h3', {}, `“${mark.textContent}”`), ...spans.map((sp) => spanDetail(sp, events.get(sp.event_id))));
  };
  for (const ev of ['mouseover', 'focusin', 'click'] as const) {
    text.addEventListener(ev, (e) => {
      const mark = (e.target as HTMLElement).closest<HTMLElement>('mark');
      if (mark) showSpans(mark);
    });
  }

  // Picking an event brings its spans forward and fades the others.
  const list = h('ol', { class: 'event-list' });
  const pick = (eventId: string | null, button?: HTMLButtonElement) => {
    text.classList.toggle('focus-event', !!eventId);
    for (const m of text.querySelectorAll<HTMLElement>('mark')) m.classList.toggle('on', !!eventId && (m.dataset.events ?? '').split(' ').includes(eventId));
    for (const b of list.querySelectorAll('button')) b.setAttribute('aria-pressed', String(b === button));
    if (eventId) {
      const e = events.get(eventId);
      detail.replaceChildren(h('h3', {}, eventLabel(e)), whyTree(e?.why));
    }
  };
  for (const [eid, e] of events) {
    const b = h('button', { type: 'button', 'aria-pressed': 'false', 'data-event': eid }, eventLabel(e));
    b.addEventListener('click', () => pick(b.getAttribute('aria-pressed') === 'true' ? null : eid, b.getAttribute('aria-pressed') === 'true' ? undefined : b));
    list.append(h('li', {}, b));
  }

  const legend = h('p', { class: 'legend', 'aria-label': 'Highlight colours' },
    ...KINDS.map((k) => h('span', { class: `k-${k}` }, k)), h('span', { class: 'evidence' }, 'evidence sentence'));
  main.append(
    h('h2', {}, article.title ?? article.article_id),
    h('p', { class: 'meta' }, [article.pub_date, article.outlet, `id ${article.article_id}`].filter(Boolean).join(' · '), ' ',
      article.url ? h('a', { href: article.url, rel: 'noreferrer' }, 'source') : null),
    legend,
    h('div', { class: 'article-layout' },
      h('div', {}, text),
      h('aside', {}, h('h3', {}, `${events.size} events`), list, detail)),
  );
  const wanted = route.params.get('event');
  if (wanted) pick(wanted, list.querySelector<HTMLButtonElement>(`button[data-event="${CSS.escape(wanted)}"]`) ?? undefined);
}

/** The text cut at every span edge: evidence sentences as shaded spans, other spans as focusable <mark>s. */
export function renderText(text: string, spans: Span[]): DocumentFragment {
  const frag = document.createDocumentFragment();
  const indexed = spans.map((sp, i) => ({ sp, i }));
  const evidence = indexed.filter((x) => x.sp.kind === 'evidence');
  const marks = indexed.filter((x) => x.sp.kind !== 'evidence');
  const outer = cuts(evidence, 0, text.length);
  for (let o = 0; o + 1 < outer.length; o++) {
    const [x, y] = [outer[o], outer[o + 1]];
    const evs = evidence.filter(({ sp }) => sp.start <= x && sp.end >= y);
    const box: Node = evs.length ? h('span', { class: 'evidence', 'data-events': unique(evs.map(({ sp }) => sp.event_id)).join(' ') }) : frag;
    const inner = cuts(marks, x, y);
    for (let k = 0; k + 1 < inner.length; k++) {
      const [a, b] = [inner[k], inner[k + 1]];
      const cover = marks.filter(({ sp }) => sp.start <= a && sp.end >= b);
      if (!cover.length) {
        box.appendChild(document.createTextNode(text.slice(a, b)));
        continue;
      }
      const kinds = KINDS.filter((kind) => cover.some(({ sp }) => sp.kind === kind));
      box.appendChild(h('mark', {
        class: `k-${kinds[0]}`,
        tabindex: 0,
        'data-kinds': kinds.join(' '),
        'data-events': unique(cover.map(({ sp }) => sp.event_id)).join(' '),
        'data-spans': cover.map(({ i }) => i).join(' '),
        title: kinds.join(', '),
      }, text.slice(a, b)));
    }
    if (box !== frag) frag.appendChild(box);
  }
  return frag;
}

/** Sorted cut points inside [from, to]: the ends and every span edge in between. */
function cuts(spans: { sp: Span }[], from: number, to: number): number[] {
  const set = new Set([from, to]);
  for (const { sp } of spans) for (const p of [sp.start, sp.end]) if (p > from && p < to) set.add(p);
  return [...set].sort((a, b) => a - b);
}

const unique = <T>(xs: T[]) => [...new Set(xs)];

function eventLabel(e: Row | undefined): string {
  if (!e) return 'unknown event';
  const q = Number(e.quad_class);
  return `${e.source_code ?? '?'} → ${e.target_code ?? '?'} · ${e.cameo} ${e.cameo_name ?? ''} · ${e.date ?? 'no date'}${e.location_name ? ` · ${e.location_name}` : ''} · Goldstein ${fmt(Number(e.goldstein), 1)}${q ? ` · ${QUAD_NAMES[q]}` : ''}`;
}

function spanDetail(sp: Span, e: Row | undefined): HTMLElement {
  return h('div', { class: `span-why k-${sp.kind}-border`, 'data-kind': sp.kind },
    h('p', {}, h('strong', {}, sp.kind), sp.value ? ` = ${sp.value}` : '', h('br'), h('small', {}, eventLabel(e))),
    whyTree(sp.why));
}

/** `why` as nested lists: rules, dictionary entries (file:line) and patterns. */
export function whyTree(why: unknown): HTMLElement {
  if (why === null || why === undefined) return h('p', { class: 'muted' }, 'no rule recorded');
  if (Array.isArray(why)) return h('ul', { class: 'why-list' }, ...why.map((w) => h('li', {}, whyTree(w))));
  if (typeof why !== 'object') return h('span', {}, String(why));
  const dl = h('dl', { class: 'why-obj' });
  for (const [k, v] of Object.entries(why as Record<string, unknown>)) {
    if (v === null || v === undefined || (Array.isArray(v) && !v.length)) continue;
    const value = typeof v === 'object' ? whyTree(v) : k === 'entry' || k === 'pattern' ? h('code', {}, String(v)) : h('span', {}, String(v));
    dl.append(h('div', {}, h('dt', {}, k), h('dd', {}, value)));
  }
  return dl;
}
