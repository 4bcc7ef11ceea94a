// The explorer's hash router: `#/dyad/CHN/KAZ`, `#/network`, `#/map`, `#/events?...`, `#/article/ID`, `#/` (home).
// Each view is a function that fills <main> and may return a cleanup (charts dispose themselves there).
import { api } from './api';
import { h, status } from './dom';
import { articleView } from './views/article';
import { dyadView } from './views/dyad';
import { eventsView } from './views/events';
import { parseHash, type Cleanup, type View } from './route';

const views: Record<string, View> = {
  '': homeView,
  dyad: dyadView,
  events: eventsView,
  article: articleView,
  // The heavy libraries (Cytoscape, the world outline) load only when these views are opened.
  network: async (main, route) => (await import('./views/network')).networkView(main, route),
  map: async (main, route) => (await import('./views/map')).mapView(main, route),
};

let cleanup: Cleanup;
let seq = 0;

async function render(): Promise<void> {
  const main = document.getElementById('main')!;
  const route = parseHash(location.hash);
  const name = route.parts[0] ?? '';
  const mine = ++seq;
  if (cleanup) cleanup();
  cleanup = undefined;
  main.replaceChildren();
  main.dataset.view = name || 'home';
  main.setAttribute('aria-busy', 'true');
  for (const a of document.querySelectorAll<HTMLAnchorElement>('header nav a')) {
    const current = parseHash(a.getAttribute('href') ?? '').parts[0] === name;
    if (current) a.setAttribute('aria-current', 'page');
    else a.removeAttribute('aria-current');
  }
  const view = views[name];
  try {
    if (!view) {
      main.append(h('h2', {}, 'Not found'), h('p', {}, `No view “${name}”. `, h('a', { href: '#/' }, 'Home')));
    } else {
      const c = await view(main, route);
      if (mine !== seq) c?.();
      else cleanup = c;
    }
  } catch (e) {
    if (mine === seq) {
      const s = status();
      s.error(e);
      main.append(s.el);
    }
  } finally {
    if (mine === seq) {
      main.setAttribute('aria-busy', 'false');
      main.dataset.ready = String(mine);
    }
  }
}

async function homeView(main: HTMLElement): Promise<void> {
  main.append(
    h('h2', {}, 'Stored events'),
    h('p', {}, 'Events coded from news articles in CAMEO and PLOVER, each with the text spans and dictionary rules behind it.'),
  );
  const c = await api.counts();
  const dl = h('dl', { class: 'counts' });
  for (const [k, v] of Object.entries(c)) dl.append(h('div', {}, h('dt', {}, k), h('dd', { 'data-count': k }, v.toLocaleString('en'))));
  main.append(
    dl,
    h('ul', { class: 'links' },
      h('li', {}, h('a', { href: '#/dyad/CHN/KAZ' }, 'Dyad time line'), ': two actors or countries, events per period by quad class and mean Goldstein'),
      h('li', {}, h('a', { href: '#/network' }, 'Actor network'), ': countries linked by their events in a period'),
      h('li', {}, h('a', { href: '#/map' }, 'Map'), ': where events took place'),
      h('li', {}, h('a', { href: '#/events' }, 'Events'), ': a filterable table; each row links to its article with highlighted spans'),
    ),
  );
}

window.addEventListener('hashchange', () => void render());
void render();
