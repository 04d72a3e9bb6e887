// The page's path: the file streamed in chunks into the WebAssembly core.
import { load, Scorer } from '../../www/pkg/index.js';

self.onmessage = async ({ data: { file } }) => {
  try {
    await load();
    const scorer = new Scorer();
    scorer.beginFile(file.name);
    const reader = file.stream().getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      scorer.push(value);
    }
    scorer.endFile();
    const report = scorer.report({ tenantLimit: 1000 });
    const metrics = {};
    for (const [id, t] of Object.entries(report.tracks)) {
      const m = t.metrics;
      metrics[id] = {
        netAdds: m.netCustomerAdds.value,
        growth: Object.fromEntries(Object.entries(m.usageGrowth.options).map(([k, v]) => [k, v.value])),
        deployments: Object.fromEntries(Object.entries(m.deployments.options).map(([k, v]) => [k, v.value])),
      };
    }
    scorer.free();
    self.postMessage({ type: 'done', rows: report.files[0]?.rows ?? 0, metrics });
  } catch (e) {
    self.postMessage({ type: 'error', message: String(e?.message ?? e) });
  }
};
