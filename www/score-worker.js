// Parses and scores off the main thread, so large exports never freeze the
// page. Files are streamed in chunks into the WebAssembly core; memory is
// bounded by what the core keeps, not by the file size.
//
// Messages in:  {type: 'init', pkg?, wasm?, ruleset?}  pkg: URL of the folder holding index.js (and the
//                                              .wasm, unless wasm gives the .wasm's own URL), by default
//                                              ./pkg/ beside this worker (a literal import that bundlers
//                                              follow, the .wasm with it); ruleset: a custom ruleset (the
//                                              core's own by default)
//               {type: 'add', files: File[]}   files join those already added
//               {type: 'report', options}      {asOf, history, today, anniversary, manualValues, detail}: the
//                                              summary (schema 3, no lists) unless detail is 'full'
//               {type: 'rows', query}          one page of a list (contract: list, area, track, search, only,
//                                              association, band, sort, descending, offset, limit), answered
//                                              from the files scored for the last report
//               {type: 'simulate', plan, options}
//               {type: 'planChoices'}          what a plan may name (the what-if planner)
//               {type: 'portfolio', rows}      spd-score batch rows: ordered, and their summary
//               {type: 'reset', ruleset?}
// Messages out: {type: 'ready', version, ruleset, rulesets}  ruleset: the one in use (the init
//                                              message's, else the core's defaultRuleset()), for what the
//                                              page shows of the rules (planner choices, version);
//                                              rulesets: every area's (the boxes of "Enter values")
//               {type: 'progress', file, loaded, total}, {type: 'report', report},
//               {type: 'rows', result: {total, rows}},
//               {type: 'simulation', simulation}, {type: 'planChoices', choices},
//               {type: 'portfolio', rows, summary}, {type: 'error', message}
let api;
let scorer;
let ruleset;

/** The report the page asks for: the summary (lists asked for with rows()), or with every list inline. */
function report(options = {}) {
  const detail = options.detail === 'full' ? 'full' : 'summary';
  return scorer.report({ ...options, detail });
}

/** A what-if: the simulated report in the same schema as report(). */
function simulate(plan, options = {}) {
  return scorer.simulate(plan, options);
}

/** One page of a list: {total, rows}. */
function rows(query) {
  return scorer.rows(query);
}

async function init(pkg, wasm) {
  // A host's own copy of the core is imported at run time, not bundled.
  api = pkg ? await import(/* webpackIgnore: true */ /* @vite-ignore */ new URL('index.js', pkg).href) : await import('./pkg/index.js');
  await api.load(wasm ? new URL(wasm) : pkg ? new URL('spd_score_bg.wasm', pkg) : undefined);
  scorer = new api.Scorer({ ruleset });
}

async function add(files) {
  const total = files.reduce((sum, f) => sum + f.size, 0);
  let loaded = 0;
  // A few progress messages a second, not one per chunk.
  let posted = 0;
  for (const file of files) {
    scorer.beginFile(file.name);
    const reader = file.stream().getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      scorer.push(value);
      loaded += value.byteLength;
      if (performance.now() - posted > 100) {
        posted = performance.now();
        self.postMessage({ type: 'progress', file: file.name, loaded, total });
      }
    }
    scorer.endFile();
    self.postMessage({ type: 'progress', file: file.name, loaded, total });
  }
}

// One message at a time: a report asked for while a file is still being
// read waits for the file.
let queue = Promise.resolve();
self.onmessage = ({ data }) => {
  queue = queue.then(() => handle(data));
};

async function handle(data) {
  try {
    switch (data.type) {
      case 'init':
        ruleset = data.ruleset;
        await init(data.pkg, data.wasm).catch((e) => {
          throw new Error(`The scoring core could not be loaded: ${e?.message ?? e}`);
        });
        self.postMessage({
          type: 'ready',
          version: api.version(),
          ruleset: ruleset ?? api.defaultRuleset(),
          // Every area's, the custom one in place of its area's: what "Enter values" offers.
          rulesets: api.rulesets().map((r) => (ruleset && r.id === ruleset.id ? ruleset : r)),
        });
        break;
      case 'add':
        await add(data.files);
        break;
      case 'report':
        self.postMessage({ type: 'report', report: report(data.options), id: data.id });
        break;
      case 'rows': {
        const result = rows(data.query);
        // The core answers a query it cannot (no such list or area) with an error value: {kind, message}.
        if (result?.error) throw new Error(result.error.message ?? result.error.kind);
        if (!Array.isArray(result?.rows)) throw new Error('rows: the core gave no rows.');
        self.postMessage({ type: 'rows', result, id: data.id });
        break;
      }
      case 'simulate':
        self.postMessage({ type: 'simulation', simulation: simulate(data.plan, data.options), id: data.id });
        break;
      case 'portfolio':
        // Batch rows dropped on the page: in the portfolio's order, with its summary, as the CLI writes them.
        self.postMessage({ type: 'portfolio', rows: JSON.parse(`[${api.portfolio(data.rows, 'jsonl').trim().split('\n').join(',')}]`), summary: api.portfolio(data.rows, 'summary'), id: data.id });
        break;
      case 'planChoices':
        self.postMessage({ type: 'planChoices', choices: scorer.planChoices(), id: data.id });
        break;
      case 'reset':
        scorer?.free();
        scorer = new api.Scorer({ ruleset });
        break;
    }
  } catch (e) {
    self.postMessage({ type: 'error', message: String(e?.message ?? e), id: data.id });
  }
}
