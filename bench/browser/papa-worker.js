// The JavaScript way: Papa Parse streaming the file, a plain JS aggregation.
importScripts('../../node_modules/papaparse/papaparse.min.js');

self.onmessage = async ({ data: { file } }) => {
  try {
    const { createBaseline } = await import('../baseline.js');
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
