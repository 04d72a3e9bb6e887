// The JavaScript way in Node: Papa Parse (from node_modules) streaming the
// file, and the same aggregation as in Chromium (bench/baseline.js). Prints
// one JSON line: rows and the figures. bench/throughput.mjs times the whole
// process, as it times the CLI.
//   node bench/papa-node.mjs FILE
import { createReadStream } from 'node:fs';
import Papa from 'papaparse';
import { createBaseline } from './baseline.js';

const baseline = createBaseline();
let rows = 0;
await new Promise((resolve, reject) =>
  Papa.parse(createReadStream(process.argv[2], { highWaterMark: 1 << 20 }), {
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
console.log(JSON.stringify({ rows, metrics: baseline.finish() }));
