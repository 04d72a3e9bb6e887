// The Node entry: the same API as index.js, with the WebAssembly module
// already read from disk and instantiated, so `new Scorer()` works straight
// away. Synchronous, with no top-level await: the CommonJS entry (index.cjs)
// is this module bundled as CommonJS by scripts/build.mjs.
import { readFileSync } from 'node:fs';
import { initSync } from './spd_score.js';

initSync({ module: readFileSync(new URL('./spd_score_bg.wasm', import.meta.url)) });
export * from './index.js';
