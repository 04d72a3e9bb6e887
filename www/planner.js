// The what-if planner: customers to win, people to certify, tenants to
// lose, scored by the worker's simulate() and shown as the change per track.
// The component keeps `state` ({ plan, open }) across refreshes and hands
// in the worker (`ask`), its error display (`fail`) and the metric labels.

import { download, h, signed, totalPoints } from './dom.js';
import { certificationGroups, certificationLabel, workloadChoices } from './rules.js';
import { STATUS } from './strings.js';

/** The planner's workloads ticked at first, when the ruleset has them (else its first). */
const USUAL_WORKLOADS = ['Exchange Online', 'SharePoint Online', 'Teams'];

/** The planner card, `report` being the report shown. */
export function planner(report, { ruleset, state, ask, fail, metricLabel }) {
  const field = (label, control) => h('label', {}, h('span', {}, label), control);
  const association = h('select', {}, ['CSP', 'CPOR', 'DPOR'].map((a) => h('option', { value: a }, a)));
  // The choices are the ruleset's: its workloads (saying which count for some metrics only)
  // and the certifications of its lists.
  const choices = workloadChoices(ruleset, metricLabel);
  const usual = choices.some((w) => USUAL_WORKLOADS.includes(w.id)) ? USUAL_WORKLOADS : [choices[0]?.id];
  const workloads = h(
    'fieldset',
    { class: 'workloads', 'data-field': 'workloads' },
    h('legend', {}, 'Workloads'),
    choices.map((w) => h('label', { class: 'check' }, h('input', { type: 'checkbox', value: w.id, checked: usual.includes(w.id) }), w.label)),
  );
  const mau = h('input', { type: 'number', min: '0', value: '30', required: true });
  const pau = h('input', { type: 'number', min: '0', value: '50', required: true });
  const count = h('input', { type: 'number', min: '1', max: '1000', value: '1' });
  const existing = h('input', { type: 'checkbox' });
  const deployed = h('input', { type: 'checkbox' });
  const person = h('input', { type: 'text', placeholder: 'Name' });
  const certification = h(
    'select',
    { 'data-field': 'certification' },
    certificationGroups(ruleset, metricLabel).map((g) => h('optgroup', { label: g.label, dataset: g.list ? { list: g.list } : {} }, g.options.map((o) => h('option', { value: o.id }, o.label)))),
  );
  const remove = h('input', { type: 'text', placeholder: 'Tenant id' });
  const planList = h('ul', { class: 'plan', 'aria-live': 'polite' });
  const result = h('div', { class: 'simulation', 'aria-live': 'polite' });
  const renderPlan = () => {
    const item = (text, onRemove) => h('li', {}, text, ' ', h('button', { type: 'button', class: 'link', onclick: onRemove, 'aria-label': `Remove ${text}` }, 'remove'));
    planList.replaceChildren(
      ...state.plan.customers.map((c, i) =>
        item(`${c.count} × ${c.existingCustomer ? 'existing' : 'new'} ${c.association} customer: ${c.workloads.join(', ')}, ${c.mau} MAU of ${c.pau} seats`, () => {
          state.plan.customers.splice(i, 1);
          renderPlan();
        }),
      ),
      ...state.plan.people.map((p, i) =>
        item(`${p.name}: ${certificationLabel(ruleset, p.certification)}`, () => {
          state.plan.people.splice(i, 1);
          renderPlan();
        }),
      ),
      ...state.plan.removeTenants.map((t, i) =>
        item(`Without tenant ${t}`, () => {
          state.plan.removeTenants.splice(i, 1);
          renderPlan();
        }),
      ),
    );
  };
  const addCustomer = (e) => {
    e.preventDefault();
    const chosen = [...workloads.querySelectorAll('input:checked')].map((i) => i.value);
    if (!chosen.length) return;
    state.plan.customers.push({
      association: association.value,
      workloads: chosen,
      mau: Number(mau.value),
      pau: Number(pau.value),
      count: Math.max(1, Number(count.value) || 1),
      existingCustomer: existing.checked,
      existingDeployment: existing.checked && deployed.checked,
    });
    renderPlan();
  };
  const addPerson = (e) => {
    e.preventDefault();
    state.plan.people.push({ name: person.value.trim() || `Planned person ${state.plan.people.length + 1}`, certification: certification.value });
    person.value = '';
    renderPlan();
  };
  const removeTenant = (e) => {
    e.preventDefault();
    if (remove.value.trim()) state.plan.removeTenants.push(remove.value.trim());
    remove.value = '';
    renderPlan();
  };
  const run = async () => {
    try {
      const { simulation } = await ask({ type: 'simulate', plan: state.plan, options: { asOf: report.asOf, tenantLimit: 0 } }, 'simulation');
      result.replaceChildren(simulationTable(simulation, metricLabel));
    } catch (e) {
      fail(e);
    }
  };
  const loadPlan = h('input', {
    type: 'file',
    accept: '.json,application/json',
    class: 'visually-hidden',
    tabindex: '-1',
    'aria-hidden': 'true',
    onchange: async () => {
      const file = loadPlan.files[0];
      if (!file) return;
      try {
        const plan = JSON.parse(await file.text());
        state.plan = { customers: plan.customers ?? [], people: plan.people ?? [], removeTenants: plan.removeTenants ?? [] };
        renderPlan();
      } catch {
        fail(new Error(`${file.name} is not a saved plan.`));
      }
      loadPlan.value = '';
    },
  });
  renderPlan();
  // Closed until asked for, so the page stays calm; open stays open across refreshes.
  const toggle = h(
    'button',
    {
      type: 'button',
      class: 'secondary',
      part: 'button',
      'aria-expanded': String(state.open),
      'aria-controls': 'sim-body',
      onclick: () => {
        state.open = !state.open;
        toggle.setAttribute('aria-expanded', String(state.open));
        toggle.textContent = state.open ? 'Hide the planner' : 'Plan a what-if';
        simBody.hidden = !state.open;
      },
    },
    state.open ? 'Hide the planner' : 'Plan a what-if',
  );
  const simBody = h(
    'div',
    { id: 'sim-body', class: 'sim-body', hidden: !state.open },
    h(
      'div',
      { class: 'columns' },
      h(
        'form',
        { onsubmit: addCustomer, 'aria-label': 'Planned customer' },
        h('h3', { class: 'subhead' }, 'Planned customer'),
        field('Association', association),
        workloads,
        h('div', { class: 'row' }, field('MAU per workload', mau), field('Paid seats (PAU)', pau), field('How many', count)),
        h('label', { class: 'check' }, existing, 'Already a customer a year ago'),
        h('label', { class: 'check' }, deployed, 'Already deployed a year ago'),
        h('button', { type: 'submit', part: 'button' }, 'Add customer'),
      ),
      h(
        'div',
        {},
        h('form', { onsubmit: addPerson, 'aria-label': 'Planned certified person' }, h('h3', { class: 'subhead' }, 'Planned certified person'), field('Name', person), field('Certification', certification), h('button', { type: 'submit', part: 'button' }, 'Add person')),
        h('form', { onsubmit: removeTenant, 'aria-label': 'Tenant to remove' }, h('h3', { class: 'subhead' }, 'Tenant to lose'), field('Tenant id', remove), h('button', { type: 'submit', part: 'button' }, 'Remove tenant')),
      ),
    ),
    h('h3', { class: 'subhead' }, 'Plan'),
    planList,
    h(
      'div',
      { class: 'downloads' },
      h('button', { type: 'button', part: 'button', class: 'primary', onclick: run, 'data-action': 'simulate' }, 'Simulate'),
      h('button', { type: 'button', class: 'secondary', part: 'button', onclick: () => download('spd-score-plan.json', 'application/json', JSON.stringify(state.plan, null, 2)) }, 'Save plan'),
      h('button', { type: 'button', class: 'secondary', part: 'button', onclick: () => loadPlan.click() }, 'Load plan'),
      loadPlan,
    ),
    result,
  );
  return h(
    'section',
    { class: 'card simulator', part: 'simulator', 'aria-labelledby': 'sim-title' },
    h('h2', { id: 'sim-title' }, 'What if…'),
    h('p', {}, 'Plan customers to win, people to certify or tenants to lose, and see the score they would give. Simulated results are approximations.'),
    toggle,
    simBody,
  );
}

function simulationTable(simulation, metricLabel) {
  return h(
    'div',
    { 'data-simulated': 'true' },
    h('p', { class: 'note' }, 'Simulated: an approximation of what Partner Center would show.'),
    simulation.problems.length ? h('ul', {}, simulation.problems.map((p) => h('li', { class: 'warning' }, p))) : null,
    h(
      'table',
      {},
      h('caption', { class: 'visually-hidden' }, 'Simulated score'),
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Track'), h('th', { scope: 'col' }, 'Now'), h('th', { scope: 'col' }, 'Simulated'), h('th', { scope: 'col' }, 'Change'), Object.values(metricLabel).map((l) => h('th', { scope: 'col' }, l)))),
      h(
        'tbody',
        {},
        Object.entries(simulation.changes).map(([id, c]) =>
          h(
            'tr',
            { 'data-track': id },
            h('th', { scope: 'row' }, simulation.report.tracks[id].label),
            h('td', {}, `${totalPoints(c.totalBefore)} (${STATUS[c.statusBefore]})`),
            h('td', {}, h('span', { 'data-field': 'simulated-total', title: `Exact ${c.totalAfter}` }, totalPoints(c.totalAfter)), ` (${STATUS[c.statusAfter]})`),
            h('td', { 'data-field': 'change' }, signed(Math.round(c.totalChange * 10) / 10)),
            Object.keys(metricLabel).map((m) => h('td', {}, c.metrics[m] === null ? '–' : signed(Math.round(c.metrics[m] * 10) / 10))),
          ),
        ),
      ),
    ),
  );
}
