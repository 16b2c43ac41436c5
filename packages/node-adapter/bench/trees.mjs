// The trees the benchmark loads, each through the door its users mostly take. The packages are devDependencies of
// packages/real-packages (webpack and typebox come with the repo's own tooling), so a clean clone has them after
// `npm ci`.
// `extra`: also measured cache off and under jest-runtime (the first two trees, whose figures go back furthest).

/** Touching webpack's lazy exports pulls in its whole library. */
function touchAll(exports) {
  for (const key of Object.keys(exports)) void exports[key]
}

export const TREES = {
  cjs: { label: 'webpack (CommonJS)', specifier: 'webpack', kind: 'require', after: touchAll, extra: true },
  esm: { label: '@sinclair/typebox (ESM build)', specifier: '@sinclair/typebox', kind: 'import', extra: true },
  typescript: { label: 'typescript 6 (one 9 MB CommonJS file)', specifier: 'typescript', kind: 'require' },
  // Through import() Node also lexes the file for its export names on every load (a space keeps them in its cache).
  'typescript-import': { label: 'typescript 6, imported', specifier: 'typescript', kind: 'import' },
  'react-dom': { label: 'react-dom/server (CommonJS)', specifier: 'react-dom/server', kind: 'require' },
  'lodash-es': { label: 'lodash-es (ESM, ~640 files)', specifier: 'lodash-es', kind: 'import' },
  rxjs: { label: 'rxjs (CommonJS, imported)', specifier: 'rxjs', kind: 'import' },
  'date-fns': { label: 'date-fns (ESM, ~1,500 files)', specifier: 'date-fns', kind: 'import' },
}

/** The trees of this run: all, or those named in MODSPACE_BENCH_TREES (comma-separated keys of TREES). */
export function selectedTrees(env = process.env) {
  const names = env.MODSPACE_BENCH_TREES ? env.MODSPACE_BENCH_TREES.split(',').map((name) => name.trim()) : Object.keys(TREES)
  for (const name of names) if (!TREES[name]) throw new Error(`MODSPACE_BENCH_TREES: no tree "${name}" (${Object.keys(TREES).join(', ')})`)
  return names
}
