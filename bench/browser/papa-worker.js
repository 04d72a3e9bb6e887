// The JavaScript way: Papa Parse streaming the file, a plain JS aggregation.
importScripts('../../node_modules/papaparse/papaparse.min.js');

const ready = import('../baseline.js');
ready.then(() => self.postMessage({ type: 'ready' }));

self.onmessage = async ({ data: { file } }) => {
  try {
    const { createBaseline } = await ready;
    const baseline = createBaseline();
    let rows = 0;
    await new Promise((resolve, reject) =>
      Papa.parse(file, {
        header: true,
        skipEmptyLines: true,
        chunk: (results) => {
          rows += results.data.length;
          baseline.rows(results.data);
        },
        complete: resolve,
        error: reject,
      }),
    );
    self.postMessage({ type: 'done', rows, metrics: baseline.finish() });
  } catch (e) {
    self.postMessage({ type: 'error', message: String(e?.message ?? e) });
  }
};
