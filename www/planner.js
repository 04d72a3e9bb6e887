// The what-if planner: customers to win in any area (Microsoft 365
// workloads, Azure services, Business Applications workloads), people to
// certify, tenants to lose, scored by the worker's simulate() and shown as
// every area's score before and after, then Modern Work's change per track.
// The choices come from the core (`planChoices`: the rulesets and the Azure
// services of the files loaded), so nothing here names an area's workloads.
// The component keeps `state` ({ plan, open }) across refreshes and hands
// in the worker (`ask`), its error display (`fail`) and the metric labels.

import { download, h, number, signed, totalPoints } from './dom.js';
import { certificationGroups, certificationLabel, workloadChoices } from './rules.js';
import { PLANNER as T, STATUS } from './strings.js';

/** The planner's workloads ticked at first, when the ruleset has them (else its first). */
const USUAL_WORKLOADS = ['Exchange Online', 'SharePoint Online', 'Teams'];
/** The association types offered before the core's choices arrive. */
const FIRST_ASSOCIATIONS = ['CSP', 'CPOR', 'DPOR'];

let ids = 0;
/** A label around its control; a hint, tied to it, follows the label (so that it is not part of its name). */
function field(label, control, hint) {
  if (!hint) return h('label', {}, h('span', {}, label), control);
  const id = `planner-hint-${++ids}`;
  control.setAttribute('aria-describedby', id);
  return [h('label', {}, h('span', {}, label), control), h('small', { id, class: 'note' }, hint)];
}

/** A fieldset of checkboxes: `choices` [{id, label}], in a <details> when `folded`. */
function checklist(name, legend, choices, folded) {
  const set = h(
    'fieldset',
    { class: 'workloads', 'data-field': name },
    h('legend', {}, legend),
    choices.map((c) => h('label', { class: 'check' }, h('input', { type: 'checkbox', value: c.id, checked: c.checked }), c.label)),
  );
  return folded ? h('details', { 'data-list': name }, h('summary', {}, legend), set) : set;
}

const ticked = (root) => [...root.querySelectorAll('input[type="checkbox"]:checked')].map((i) => i.value);

/** The planner card, `report` being the report shown. */
export function planner(report, { options = {}, ruleset, state, ask, fail, metricLabel }) {
  const areaLabel = (id) => report.areas?.[id]?.label ?? id;
  const association = h('select', {}, FIRST_ASSOCIATIONS.map((a) => h('option', { value: a }, a)));
  // Modern Work's workloads, as its ruleset lists them (saying which count
  // for some metrics only); the core's choices add the rest when they come.
  const choices = workloadChoices(ruleset, metricLabel);
  const usual = choices.some((w) => USUAL_WORKLOADS.includes(w.id)) ? USUAL_WORKLOADS : [choices[0]?.id];
  const workloads = checklist('workloads', T.workloads, choices.map((w) => ({ ...w, checked: usual.includes(w.id) })));
  const more = h('div', { class: 'more-choices' });
  const otherService = h('input', { type: 'text', autocomplete: 'off' });
  const mau = h('input', { type: 'number', min: '0', value: '30', required: true });
  const pau = h('input', { type: 'number', min: '0', value: '50', required: true, 'aria-describedby': 'planner-pau-hint' });
  const ttm = h('input', { type: 'number', min: '0', step: 'any', value: '0' });
  const previousTtm = h('input', { type: 'number', min: '0', step: 'any' });
  const count = h('input', { type: 'number', min: '1', max: '1000', value: '1' });
  const existing = h('input', { type: 'checkbox' });
  const deployed = h('input', { type: 'checkbox' });
  const customerError = h('p', { class: 'warning', role: 'status', hidden: true });
  const person = h('input', { type: 'text', placeholder: T.namePlaceholder });
  // Certifications by area: Modern Work's lists from its ruleset, the
  // other areas' from the core's choices once they come.
  const ownGroups = () => certificationGroups(ruleset, metricLabel).map((g) => h('optgroup', { label: g.label, dataset: g.list ? { list: g.list } : {} }, g.options.map((o) => h('option', { value: o.id }, o.label))));
  const certification = h('select', { 'data-field': 'certification' }, ownGroups());
  const certificationArea = h('select', { 'data-field': 'certification-area' }, h('option', { value: ruleset?.id ?? '' }, areaLabel(ruleset?.id)));
  const certificationNames = new Map();
  let otherCertifications = [];
  certificationArea.addEventListener('change', () => {
    const area = certificationArea.value;
    const list = otherCertifications.filter((c) => c.areas.includes(area));
    certification.replaceChildren(...(certificationArea.selectedIndex <= 0 ? ownGroups() : [h('optgroup', { label: areaLabel(area), dataset: { area } }, list.map((c) => h('option', { value: c.id }, certificationNames.get(c.id))))]));
  });
  const remove = h('input', { type: 'text', placeholder: T.tenantId });
  const planList = h('ul', { class: 'plan', 'aria-live': 'polite' });
  const result = h('div', { class: 'simulation', 'aria-live': 'polite' });

  // The core's choices: every association type with what it is read for,
  // Microsoft 365 workloads other areas count, Azure services, Business
  // Applications workloads, and the certifications of every area's lists.
  ask({ type: 'planChoices' }, 'planChoices')
    .then(({ choices: all }) => {
      const chosen = association.value;
      association.replaceChildren(
        ...all.associations.map((a) => {
          const parts = (a.parts ?? []).map((p) => T.parts[p] ?? p).join(', ');
          return h('option', { value: a.id, selected: a.id === chosen }, parts ? `${a.id} – ${parts}` : a.id);
        }),
      );
      const known = new Set(choices.map((w) => w.id));
      const otherWorkloads = all.workloads.filter((w) => !known.has(w.id));
      // What sets a choice apart: the areas it counts for beyond those all its neighbours count for.
      const labelled = (list) => {
        const common = list.length ? list.map((c) => c.areas).reduce((a, b) => a.filter((x) => b.includes(x))) : [];
        return list.map((c) => {
          const extra = c.areas.filter((a) => !common.includes(a)).map(areaLabel);
          const notes = [c.note, extra.length ? (common.length ? T.also(extra.join(', ')) : T.only(extra.join(', '))) : null].filter(Boolean);
          return { id: c.id, label: notes.length ? `${c.id} (${notes.join('; ')})` : c.id };
        });
      };
      more.replaceChildren(
        otherWorkloads.length ? checklist('other-workloads', T.otherWorkloads, labelled(otherWorkloads), true) : null,
        all.azureServices.length ? h('details', { 'data-list': 'azure-services' }, h('summary', {}, T.azureServices), h('fieldset', { class: 'workloads', 'data-field': 'azure-services' }, h('legend', {}, T.azureServices), labelled(all.azureServices).map((c) => h('label', { class: 'check' }, h('input', { type: 'checkbox', value: c.id }), c.label)), field(T.otherService, otherService))) : null,
        all.bizappsWorkloads.length ? checklist('bizapps-workloads', T.bizappsWorkloads, labelled(all.bizappsWorkloads), true) : null,
      );
      // The areas whose certifications a planned person may hold: Modern Work's (the ruleset's) first.
      otherCertifications = all.certifications;
      for (const c of all.certifications) certificationNames.set(c.id, c.label ? `${c.label} (${c.id})` : c.id);
      const areas = [...new Set(all.certifications.flatMap((c) => c.areas))];
      const own = areas.find((a) => a === ruleset?.id) ?? areas[0];
      certificationArea.replaceChildren(...[own, ...areas.filter((a) => a !== own)].map((a) => h('option', { value: a }, areaLabel(a))));
    })
    // A host's older core has no choices to give: Modern Work's stay.
    .catch(() => {});

  const certificationName = (id) => certification.querySelector(`option[value="${CSS.escape(id)}"]`)?.textContent ?? certificationNames.get(id) ?? certificationLabel(ruleset, id);
  const renderPlan = () => {
    const item = (text, onRemove) => h('li', {}, text, ' ', h('button', { type: 'button', class: 'link', onclick: onRemove, 'aria-label': T.removeItem(text) }, T.remove));
    const dropper = (list, i) => () => {
      list.splice(i, 1);
      renderPlan();
    };
    planList.replaceChildren(
      ...state.plan.customers.map((c, i) => item(T.customerLine(c), dropper(state.plan.customers, i))),
      ...state.plan.people.map((p, i) => item(`${p.name}: ${certificationName(p.certification)}`, dropper(state.plan.people, i))),
      ...state.plan.removeTenants.map((t, i) => item(T.without(t), dropper(state.plan.removeTenants, i))),
    );
  };
  const addCustomer = (e) => {
    e.preventDefault();
    const tickedIn = (name) => {
      const list = more.querySelector(`[data-field="${name}"]`);
      return list ? ticked(list) : [];
    };
    const m365 = [...ticked(workloads), ...tickedIn('other-workloads')];
    const services = [...tickedIn('azure-services'), otherService.value.trim()].filter(Boolean);
    const bizapps = tickedIn('bizapps-workloads');
    customerError.hidden = Boolean(m365.length || services.length || bizapps.length);
    customerError.textContent = customerError.hidden ? '' : T.nothingChosen;
    if (!customerError.hidden) return;
    const customer = {
      association: association.value,
      workloads: m365,
      mau: Number(mau.value),
      pau: Number(pau.value),
      count: Math.max(1, Number(count.value) || 1),
      existingCustomer: existing.checked,
      existingDeployment: existing.checked && deployed.checked,
    };
    // Only what is used, so that a Microsoft 365 plan reads as it always has.
    if (services.length) customer.azureServices = services;
    if (bizapps.length) customer.bizappsWorkloads = bizapps;
    if ((services.length || bizapps.length) && Number(ttm.value) > 0) customer.ttmRevenue = Number(ttm.value);
    if (existing.checked && previousTtm.value !== '' && customer.ttmRevenue !== undefined) customer.previousTtmRevenue = Number(previousTtm.value);
    state.plan.customers.push(customer);
    otherService.value = '';
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
      // The report's own options (typed values, as-of month, tracks): each
      // area simulated as of the month it is shown for, not Modern Work's.
      const simulateWith = { ...options, history: false, today: undefined, tenantLimit: 0 };
      const { simulation } = await ask({ type: 'simulate', plan: state.plan, options: simulateWith }, 'simulation');
      result.replaceChildren(simulationView(simulation, metricLabel));
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
        if (!plan || typeof plan !== 'object' || Array.isArray(plan)) throw new Error('not a plan');
        state.plan = { customers: plan.customers ?? [], people: plan.people ?? [], removeTenants: plan.removeTenants ?? [] };
        renderPlan();
      } catch {
        fail(new Error(T.notAPlan(file.name)));
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
        toggle.textContent = state.open ? T.close : T.open;
        simBody.hidden = !state.open;
      },
    },
    state.open ? T.close : T.open,
  );
  const simBody = h(
    'div',
    { id: 'sim-body', class: 'sim-body', hidden: !state.open },
    h(
      'div',
      { class: 'columns' },
      h(
        'form',
        { onsubmit: addCustomer, 'aria-label': T.customer },
        h('h3', { class: 'subhead' }, T.customer),
        field(T.association, association),
        workloads,
        more,
        h('div', { class: 'row' }, field(T.mau, mau), field(T.pau, pau), field(T.count, count)),
        h('small', { id: 'planner-pau-hint', class: 'note' }, T.pauHint),
        field(T.ttm, ttm, T.ttmHint),
        h('label', { class: 'check' }, existing, T.existing),
        h('label', { class: 'check' }, deployed, T.deployed),
        field(T.previousTtm, previousTtm, T.previousTtmHint),
        customerError,
        h('button', { type: 'submit', part: 'button' }, T.addCustomer),
      ),
      h(
        'div',
        {},
        h('form', { onsubmit: addPerson, 'aria-label': T.person }, h('h3', { class: 'subhead' }, T.person), field(T.name, person), field(T.certificationArea, certificationArea), field(T.certification, certification), h('button', { type: 'submit', part: 'button' }, T.addPerson)),
        h('form', { onsubmit: removeTenant, 'aria-label': T.tenant }, h('h3', { class: 'subhead' }, T.tenant), field(T.tenantId, remove), h('button', { type: 'submit', part: 'button' }, T.removeTenant)),
      ),
    ),
    h('h3', { class: 'subhead' }, T.plan),
    planList,
    h(
      'div',
      { class: 'downloads' },
      h('button', { type: 'button', part: 'button', class: 'primary', onclick: run, 'data-action': 'simulate' }, T.simulate),
      h('button', { type: 'button', class: 'secondary', part: 'button', onclick: () => download('spd-score-plan.json', 'application/json', JSON.stringify(state.plan, null, 2)) }, T.save),
      h('button', { type: 'button', class: 'secondary', part: 'button', onclick: () => loadPlan.click() }, T.load),
      loadPlan,
    ),
    result,
  );
  return h('section', { class: 'card simulator', part: 'simulator', 'aria-labelledby': 'sim-title' }, h('h2', { id: 'sim-title' }, T.title), h('p', {}, T.intro), toggle, simBody);
}

/** A change in points, one decimal. */
const change = (v) => (v === null || v === undefined ? '–' : signed(Math.round(v * 10) / 10));
const points = (v) => (v === null || v === undefined ? '–' : totalPoints(v));

function simulationView(simulation, metricLabel) {
  const report = simulation.report;
  const areaRows = Object.entries(simulation.areas).map(([id, a]) =>
    h(
      'tr',
      { 'data-area': id },
      h('th', { scope: 'row' }, report.areas?.[id]?.label ?? id),
      h('td', { 'data-field': 'area-before', 'data-value': a.totalBefore ?? '' }, points(a.totalBefore)),
      h('td', { 'data-field': 'area-after', 'data-value': a.totalAfter ?? '', title: a.totalAfter === null ? null : `Exact ${number(a.totalAfter)}` }, points(a.totalAfter)),
      h('td', { 'data-field': 'area-change', 'data-value': a.totalChange ?? '' }, change(a.totalChange)),
      h('td', { 'data-field': 'area-status' }, STATUS[a.statusAfter] ?? a.statusAfter),
    ),
  );
  const modernWork = report.areas && Object.keys(report.areas)[0];
  return h(
    'div',
    { 'data-simulated': 'true' },
    h('p', { class: 'note' }, T.simulated),
    simulation.problems.length ? h('ul', {}, simulation.problems.map((p) => h('li', { class: 'warning' }, p))) : null,
    // Keyboard users scroll a table wider than a narrow screen from its focusable box.
    h(
      'div',
      { class: 'scroll', tabindex: '0', role: 'region', 'aria-label': T.areasCaption },
      h(
        'table',
        { 'data-table': 'whatif-areas' },
        h('caption', {}, T.areasCaption),
        h('thead', {}, h('tr', {}, [T.area, T.now, T.simulatedColumn, T.change, T.statusAfter].map((c) => h('th', { scope: 'col' }, c)))),
        h('tbody', {}, areaRows),
      ),
    ),
    h('h4', { class: 'subhead' }, T.byTrack(report.areas?.[modernWork]?.label ?? 'Modern Work')),
    h(
      'div',
      { class: 'scroll', tabindex: '0', role: 'region', 'aria-label': T.trackCaption },
      h(
        'table',
        {},
        h('caption', { class: 'visually-hidden' }, T.trackCaption),
        h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, T.track), h('th', { scope: 'col' }, T.now), h('th', { scope: 'col' }, T.simulatedColumn), h('th', { scope: 'col' }, T.change), Object.values(metricLabel).map((l) => h('th', { scope: 'col' }, l)))),
        h(
          'tbody',
          {},
          Object.entries(simulation.changes).map(([id, c]) =>
            h(
              'tr',
              { 'data-track': id },
              h('th', { scope: 'row' }, report.areas?.[modernWork]?.tracks?.[id]?.label ?? id),
              h('td', {}, `${totalPoints(c.totalBefore)} (${STATUS[c.statusBefore]})`),
              h('td', {}, h('span', { 'data-field': 'simulated-total', title: `Exact ${c.totalAfter}` }, totalPoints(c.totalAfter)), ` (${STATUS[c.statusAfter]})`),
              h('td', { 'data-field': 'change' }, signed(Math.round(c.totalChange * 10) / 10)),
              Object.keys(metricLabel).map((m) => h('td', {}, c.metrics[m] === null ? '–' : signed(Math.round(c.metrics[m] * 10) / 10))),
            ),
          ),
        ),
      ),
    ),
    simulation.assumptions?.length ? h('details', { class: 'whatif-assumptions' }, h('summary', {}, T.assumptions), h('ul', {}, simulation.assumptions.map((a) => h('li', {}, a)))) : null,
  );
}
