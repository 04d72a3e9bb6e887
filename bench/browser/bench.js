// Runs one scoring of the chosen file in a worker and reports time and result.
window.runBench = (kind) =>
  new Promise((resolve, reject) => {
    const file = document.getElementById('file').files[0];
    const worker =
      kind === 'papa'
        ? new Worker('papa-worker.js')
        : new Worker('wasm-worker.js', { type: 'module' });
    const started = performance.now();
    worker.onmessage = ({ data }) => {
      if (data.type === 'done') {
        resolve({ ...data, seconds: (performance.now() - started) / 1000 });
        worker.terminate();
      } else if (data.type === 'error') {
        reject(new Error(data.message));
        worker.terminate();
      }
    };
    worker.onerror = (e) => reject(new Error(e.message || 'worker failed'));
    worker.postMessage({ file });
  });
