// The Node entry: the same API as index.js, with the WebAssembly module
// already loaded from disk, so `new Scorer()` works straight away.
import { load } from './index.js';

await load();
export * from './index.js';
