import { dirname } from 'node:path'

/** How the wrapper gets what a `require(specifier)` returns. */
export type Required =
  /** A module the dev server serves: its URL-to-be (`import`ed), and whether `require` gives its `default` (a CommonJS module, JSON) or its namespace (an ES module, as Node's `require(esm)`). */
  | { specifier: string; id: string; value: 'default' | 'namespace' }
  /** A `require` that fails: it throws this message when it runs, as Node's throws then, not when the file loads. */
  | { specifier: string; error: string }

export interface CommonJsWrapperInput {
  file: string
  code: string
  required: Required[]
  /** Names for ES importers, as Node's cjs-module-lexer finds them (`default` is always `module.exports`). */
  exportNames: string[]
  /** Ids of modules whose names are re-exported (`module.exports = require('./x')`). */
  reexports: string[]
}

const P = '__modspace_cjs'

/**
 * A CommonJS module as an ES module the browser can load: each `require`d module becomes a static import (the dev
 * server serves one URL per module and space, so a space's copy stays its own instance), and the module's code runs
 * in a function given `exports`, `require`, `module`, `__filename` and `__dirname`, as Node's wrapper gives them.
 * `default` is `module.exports`; the lexer's names are named exports, read once the code has run, as in Node.
 *
 * The prelude is one line in front of the code, so that every line of the module keeps its number (no source map).
 * What differs from Node: required modules run before the module, not when `require` is called; a `require` of a
 * name computed at run time throws; in a `require` cycle the module first reached sees `undefined`, not the other's
 * unfinished `exports`.
 */
export function commonJsWrapper({ file, code, required, exportNames, reexports }: CommonJsWrapperInput): string {
  const imports = required.map((r, i) => ('id' in r ? `import * as ${P}_${i} from ${JSON.stringify(r.id)};` : '')).join('')
  const cases = required
    .map((r, i) => `${JSON.stringify(r.specifier)}: () => ${'id' in r ? (r.value === 'default' ? `${P}_${i}.default` : `${P}_${i}`) : `${P}_fail(${JSON.stringify(r.error)})`}`)
    .join(', ')
  const prelude = [
    imports,
    // `var`: hoisted, so that a module reaching this one through a require cycle reads `undefined`, not a TDZ error.
    `var ${P}_exports; export { ${P}_exports as default };`,
    `function ${P}_fail(message) { const error = new Error(message); error.code = 'MODULE_NOT_FOUND'; throw error }`,
    `const ${P}_required = { ${cases} };`,
    `function ${P}_require(specifier) { return Object.hasOwn(${P}_required, specifier) ? ${P}_required[specifier]() : ${P}_fail(\`Cannot find module '\${specifier}': the Vite dev server with modspace serves a CommonJS require of a string literal only\`) }`,
    `const ${P}_module = { exports: {}, id: ${JSON.stringify(file)}, filename: ${JSON.stringify(file)}, loaded: false };`,
    `(function (exports, require, module, __filename, __dirname) {`,
  ].join(' ')
  const names = exportNames.filter((name) => name !== 'default')
  const epilogue = [
    `}).call(${P}_module.exports, ${P}_module.exports, ${P}_require, ${P}_module, ${JSON.stringify(file)}, ${JSON.stringify(dirname(file))});`,
    `${P}_module.loaded = true;`,
    `${P}_exports = ${P}_module.exports;`,
    ...names.map((name, i) => `const ${P}_n${i} = ${P}_exports == null ? undefined : ${P}_exports[${JSON.stringify(name)}]; export { ${P}_n${i} as ${JSON.stringify(name)} };`),
    ...reexports.map((id) => `export * from ${JSON.stringify(id)};`),
    '',
  ].join('\n')
  // A `#!` line is no JavaScript inside a function; it is kept as a comment on its line.
  const body = code.startsWith('#!') ? `//${code}` : code
  return `${prelude}${body}\n${epilogue}`
}
