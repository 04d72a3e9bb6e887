// Modern Work's "What this score assumes": the rules in use and what the
// score relies on where Microsoft publishes no rule.

import { h } from './dom.js';
import { rulesLine } from './rules.js';

/** The card; `ruleset` is the one in use (its label names the rules). */
export function assumptions(report, ruleset) {
  return h(
    'section',
    { class: 'card assumptions', 'aria-labelledby': 'assumptions-title' },
    h('h2', { id: 'assumptions-title' }, 'What this score assumes'),
    h('p', {}, h('span', { 'data-field': 'rules' }, rulesLine(report.ruleset, ruleset?.id === report.ruleset.id ? ruleset.label : undefined)), ' Where Microsoft publishes no rule, this score relies on:'),
    h('ul', {}, report.assumptions.map((a) => h('li', {}, a.text))),
  );
}
