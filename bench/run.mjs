// `npm run bench` (after the build): every benchmark, in order.
//   npm run bench                    size, then throughput on 1 MB, 100 MB, 1 GB and
//                                    78,000 tenants (2 months), with the CLI and
//                                    Papa Parse + JS in Node on each
//   npm run bench -- --sizes 1,100   throughput on these sizes (MB) only
//   npm run bench -- --sizes 78k     only the 78,000-tenant file (Nk: N thousand tenants;
//                                    100k13: 100,000 generated tenants over 13 months)
//   npm run bench -- --size-only     the .wasm size only
// and hostile inputs at full size beside a good file (bench/hostile.mjs:
// a 100 MB header, a 300 MB line, a 300 MB name; peak memory, report size).
//   (then spd-score batch on 1,000 generated partners: bench/batch.mjs)
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { printSizes } from './size.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const args = process.argv.slice(2);

printSizes();
if (!args.includes('--size-only')) {
  console.log('\n== throughput and memory');
  execFileSync('node', ['bench/throughput.mjs', ...args], { cwd: root, stdio: 'inherit' });
  console.log('\n== a portfolio: spd-score batch');
  execFileSync('node', ['bench/batch.mjs'], { cwd: root, stdio: 'inherit' });
}
if (!args.includes('--size-only')) {
  console.log('\n== hostile inputs beside a good file');
  execFileSync('node', ['bench/hostile.mjs'], { cwd: root, stdio: 'inherit' });
}
