// The README's and docs/'s examples run as written: every ```js block is run
// in Node against the built package (importing `spd-score` by its own name),
// in www/samples/ so that the files it names are there, and when a ```text
// block follows it, what the example prints must be that text.
// ```cjs blocks run as CommonJS; a block for the browser alone is fenced
// ```js browser and is not run.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { test } from 'node:test';

const root = fileURLToPath(new URL('../..', import.meta.url));
// Inside the package, so that `import 'spd-score'` resolves to the package
// itself through its `exports` (Node's self-reference), as a user's would.
const scratch = join(root, 'target', 'readme-examples');
const samples = join(root, 'www', 'samples');

/** Every runnable ```js block of a Markdown text, with the ```text block after it. */
export function examples(markdown) {
  const blocks = [...markdown.matchAll(/^```([^\n]*)\n([\s\S]*?)^```$/gm)].map((m) => ({
    info: m[1].trim(),
    code: m[2],
    line: markdown.slice(0, m.index).split('\n').length,
  }));
  return blocks.flatMap((block, i) =>
    block.info === 'js' || block.info === 'cjs'
      ? [{ line: block.line, code: block.code, ext: block.info === 'cjs' ? 'cjs' : 'mjs', prints: blocks[i + 1]?.info === 'text' ? blocks[i + 1].code : null }]
      : [],
  );
}

const documents = ['README.md', ...readdirSync(join(root, 'docs')).filter((f) => f.endsWith('.md')).map((f) => `docs/${f}`)];
mkdirSync(scratch, { recursive: true });

test('the README has examples that run', () => {
  assert.ok(examples(readFileSync(join(root, 'README.md'), 'utf8')).length >= 2);
});

for (const document of documents) {
  for (const { line, code, ext, prints } of examples(readFileSync(join(root, document), 'utf8'))) {
    test(`${document}:${line} runs${prints ? ' and prints what it says' : ''}`, () => {
      const file = join(scratch, `${document.replace(/\W/g, '-')}-${line}.${ext}`);
      writeFileSync(file, code);
      const result = spawnSync('node', [file], { cwd: samples, encoding: 'utf8' });
      assert.equal(result.status, 0, result.stderr);
      if (prints !== null) assert.equal(result.stdout, prints);
    });
  }
}
