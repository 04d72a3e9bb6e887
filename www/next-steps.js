// Modern Work's "What to do next": its recommendations per track and the
// tenant-by-tenant actions Partner Center does not show. The list across
// every area (the biggest gain first) is next-steps-all.js.

import { h, plural } from './dom.js';

/** The card, or null when there is nothing to do. */
export function nextSteps(report) {
  const recs = report.recommendations.filter((r) => r.best);
  const actions = report.tenantActions;
  if (!recs.length && !actions.length) return null;
  const byTrack = Object.entries(report.tracks).map(([id, t]) => {
    const items = recs.filter((r) => r.track === id);
    if (!items.length) return null;
    return h(
      'div',
      {},
      h('h3', { class: 'subhead' }, t.label),
      h(
        'ul',
        {},
        items.map((r) => {
          const text = r.message.replace(/^[^:]+: /, '');
          return h('li', { class: r.top ? 'top' : '' }, text[0].toUpperCase() + text.slice(1), r.top ? h('span', { class: 'tag' }, 'most points per step') : null);
        }),
      ),
    );
  });
  const kinds = { activateUsers: 'Activate users', removeSeats: 'Remove unused seats', addSeats: 'Add seats', lostCustomer: 'Lost customers' };
  return h(
    'section',
    { class: 'card next', 'aria-labelledby': 'next-title' },
    h('h2', { id: 'next-title' }, 'What to do next'),
    h('div', { class: 'columns' }, byTrack),
    actions.length
      ? h(
          'details',
          {},
          h('summary', {}, `Tenant by tenant: ${plural(actions.length, 'action', 'actions')} Partner Center does not show`),
          Object.entries(kinds).map(([kind, title]) => {
            const list = actions.filter((a) => a.kind === kind);
            return list.length ? h('div', {}, h('h3', { class: 'subhead' }, title), h('ul', { class: 'actions' }, list.slice(0, 20).map((a) => h('li', {}, a.message)))) : null;
          }),
        )
      : null,
  );
}
