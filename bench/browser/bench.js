// Runs one scoring of the chosen file in a worker and reports time and result.
// The wasm path is the page's own worker (www/score-worker.js), driven with
// the page's messages; the JavaScript way is Papa Parse in a worker of its own.
// Both clocks start once the worker is ready (the page starts its worker on
// load, before any file), and stop when the figures are back.

function wasm(file) {
  const worker = new Worker('../../www/score-worker.js', { type: 'module' });
  let started;
  const ask = (message, answer) =>
    new Promise((resolve, reject) => {
      worker.onmessage = ({ data }) => {
        if (data.type === answer) resolve(data);
        else if (data.type === 'error') reject(new Error(data.message));
      };
      worker.postMessage(message);
    });
  const pkg = new URL('../../www/pkg/', location.href).href;
  return ask({ type: 'init', pkg }, 'ready')
    .then(() => {
      started = performance.now();
      worker.postMessage({ type: 'add', files: [file] });
      return ask({ type: 'report', options: { tenantLimit: 1000 }, id: 1 }, 'report');
    })
    .then(async ({ report }) => {
      const seconds = (performance.now() - started) / 1000;
      // The first page (50 rows) of Modern Work's tenants as the page asks
      // for it, through the worker, each timed from the ask: in the list's
      // order, by contribution (the table's default), a search, a path sort.
      const track = report.areas['modern-work'].track ?? 'smb';
      const queries = {
        listOrder: {},
        contribution: { sort: 'contribution', descending: true },
        search: { search: '0a1' },
        pathSort: { sort: `tracks.${track}.maxPau.asOf`, descending: true },
      };
      const rowsSeconds = {};
      let id = 2;
      for (const [name, query] of Object.entries(queries)) {
        const asked = performance.now();
        await ask({ type: 'rows', query: { list: 'tenants', area: 'modern-work', track, limit: 50, ...query }, id: id++ }, 'rows');
        rowsSeconds[name] = (performance.now() - asked) / 1000;
      }
      return { report, seconds, rowsSeconds };
    })
    .then(({ report, seconds, rowsSeconds }) => {
      const metrics = {};
      for (const [id, t] of Object.entries(report.areas['modern-work'].tracks)) {
        const m = t.metrics;
        metrics[id] = {
          netAdds: m.netCustomerAdds.value,
          growth: Object.fromEntries(Object.entries(m.usageGrowth.options).map(([k, v]) => [k, v.value])),
          deployments: Object.fromEntries(Object.entries(m.deployments.options).map(([k, v]) => [k, v.value])),
        };
      }
      return { rows: report.files[0]?.rows ?? 0, metrics, seconds, rowsSeconds };
    })
    .finally(() => worker.terminate());
}

function papa(file) {
  const worker = new Worker('papa-worker.js');
  let started;
  return new Promise((resolve, reject) => {
    worker.onmessage = ({ data }) => {
      if (data.type === 'ready') {
        started = performance.now();
        worker.postMessage({ file });
      } else if (data.type === 'done') resolve({ ...data, seconds: (performance.now() - started) / 1000 });
      else if (data.type === 'error') reject(new Error(data.message));
    };
    worker.onerror = (e) => reject(new Error(e.message || 'worker failed'));
  }).finally(() => worker.terminate());
}

window.runBench = (kind) => {
  const file = document.getElementById('file').files[0];
  return kind === 'papa' ? papa(file) : wasm(file);
};
