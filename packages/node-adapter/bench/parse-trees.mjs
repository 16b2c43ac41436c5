// The trees bench/parse.mjs loads: typebox's ESM build, and the real ES packages of packages/real-packages.
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

const repoRoot = fileURLToPath(new URL('../../..', import.meta.url))
const folder = (name) => join(repoRoot, 'node_modules', name)

export const trees = {
  typebox: { root: repoRoot, entry: join(folder('@sinclair/typebox'), 'build/esm/index.mjs') },
  'lodash-es': { root: repoRoot, entry: join(folder('lodash-es'), 'lodash.js') },
  // rxjs's `import` condition gives its CommonJS build: its ES2015 build, by path (an ES module by its syntax).
  rxjs: { root: repoRoot, entry: join(folder('rxjs'), 'dist/esm/index.js') },
  'date-fns': { root: repoRoot, entry: join(folder('date-fns'), 'index.js') },
}
