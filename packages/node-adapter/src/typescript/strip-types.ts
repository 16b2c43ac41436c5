import Module from 'node:module'
import { pathToFileURL } from 'node:url'
import { nodeError } from '../esm/require-esm-errors.js'
import { moduleFormat } from '../module-format.js'

/** Read from the module's object: a named import of it would not link on a Node without it. */
const stripTypeScriptTypes = (Module as Partial<Pick<typeof Module, 'stripTypeScriptTypes'>>).stripTypeScriptTypes

/**
 * TypeScript in a space, as Node 24 runs it: the types of a `.ts`, `.mts` or `.cts` file are stripped before it is
 * compiled, by Node's own step (`module.stripTypeScriptTypes`, the parser Node's loaders use), so a space accepts and
 * refuses exactly what `node` does. Stripping replaces each type with white space of the same length, so lines and
 * columns in stack traces are the file's own.
 */

/**
 * Whether Node would strip the types of `file`: off under `--no-experimental-strip-types`, and before Node 22.13 (no
 * `process.features.typescript` before 22.10, no `module.stripTypeScriptTypes` before 22.13: such a Node compiles the
 * file as it is).
 */
export function isTypeScript(file: string): boolean {
  return Boolean(process.features.typescript) && typeof stripTypeScriptTypes === 'function' && /\.[cm]?ts$/.test(file)
}

/**
 * The JavaScript Node would compile for `file`: `source` itself for a file that is not TypeScript. Throws what Node
 * throws: `ERR_UNSUPPORTED_TYPESCRIPT_SYNTAX` for syntax that needs a transform (enums, namespaces with values,
 * parameter properties, `import x = require()`), `ERR_INVALID_TYPESCRIPT_SYNTAX`, and
 * `ERR_UNSUPPORTED_NODE_MODULES_TYPE_STRIPPING` for a file under `node_modules` (packages are to ship JavaScript).
 */
export function javaScriptOf(file: string, source: string): string {
  if (!isTypeScript(file)) return source
  if (/[\\/]node_modules[\\/]/.test(file)) {
    // Node names the file by its URL when `import` loads it, by its path when `require` does: the file's format tells
    // how it is most likely loaded (this step runs once per file, whoever loads it).
    const name = moduleFormat(file) === 'esm' ? pathToFileURL(file).href : file
    throw nodeError('ERR_UNSUPPORTED_NODE_MODULES_TYPE_STRIPPING', `Stripping types is currently unsupported for files under node_modules, for "${name}"`)
  }
  // Node 24's loaders strip a file under its URL, whichever loads it.
  const name = pathToFileURL(file).href
  const mode = process.features.typescript === 'transform' ? 'transform' : 'strip'
  // With `sourceUrl`, an error's stack is headed by `name:line` and the offending code, and the code ends with a
  // `//# sourceURL=` comment naming the file's URL: a stack's text shows that name, `CallSite.getFileName()` the file
  // name `vm` was given. Both as in Node, whose loaders make the same call.
  return quietly(() => stripTypeScriptTypes!(source, { mode, sourceUrl: name }))
}

let warned = false

/**
 * The API emits an ExperimentalWarning on its first call in a process; Node's loaders call the same step without
 * one, and so must loading a `.ts` file in a space. Node emits the warning once per process whoever calls, so a
 * program's own later call to `module.stripTypeScriptTypes` then emits none (listed in docs/runtime.md).
 */
function quietly(strip: () => string): string {
  if (warned) return strip()
  const emitWarning = process.emitWarning
  process.emitWarning = function (this: NodeJS.Process, warning: string | Error, ...rest: unknown[]) {
    const text = typeof warning === 'string' ? warning : warning.message
    if (text.startsWith('stripTypeScriptTypes is an experimental feature')) return
    return (emitWarning as (...args: unknown[]) => void).call(this, warning, ...rest)
  } as typeof process.emitWarning
  try {
    return strip()
  } finally {
    process.emitWarning = emitWarning
    warned = true
  }
}
