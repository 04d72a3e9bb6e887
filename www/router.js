// The views' routes: the overview, an area, people, the what-if and the
// files guide. On the standalone page (routing="hash") a route is the URL's
// hash, so the back button and a link (#/area/security) work; embedded, the
// element keeps the route itself and never touches the host's URL.

/** The views a route can name, with the hash each is written as. */
const VIEWS = { overview: '', people: 'people', 'what-if': 'what-if', files: 'files' };

/** "#/area/security" → {view: 'area', area: 'security'}; anything unknown → the overview. */
export function parseRoute(hash) {
  const path = String(hash ?? '').replace(/^#\/?/, '');
  const area = /^area\/([a-z0-9-]+)$/i.exec(path);
  if (area) return { view: 'area', area: area[1] };
  const view = Object.keys(VIEWS).find((v) => VIEWS[v] === path);
  return { view: view ?? 'overview' };
}

/** {view: 'area', area: 'security'} → "#/area/security". */
export function formatRoute(route) {
  if (route.view === 'area') return `#/area/${route.area}`;
  return `#/${VIEWS[route.view] ?? ''}`;
}

/** Whether two routes name the same view. */
export const sameRoute = (a, b) => a.view === b.view && (a.view !== 'area' || a.area === b.area);
