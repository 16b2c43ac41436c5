import { createRequire } from 'node:module'
import { isAbsolute } from 'node:path'
import type { TransformPluginContext } from 'rollup'
import { isCommonJs, isCommonJsFile } from './commonjs-format.js'
import { commonJsWrapper, type Required } from './commonjs-wrapper.js'
import { findRequires } from './find-requires.js'
import { parseSpaceId, pinnedId } from './space-id.js'

// The lexer's JavaScript build, which needs no set-up: the dev server lexes one module per request, where the node
// adapter's WebAssembly build (faster on multi-megabyte files) pays off on whole trees.
const { parse: lexCommonJs } = createRequire(import.meta.url)('cjs-module-lexer') as { parse: (source: string) => { exports: string[]; reexports: string[] } }

/** The ids Vite's dev server may hand the plugin's `transform` for a CommonJS module: `.js` and `.cjs` files, tagged or not. */
export const SCRIPT_IDS = /\.c?js(?:$|\?)/

/**
 * A CommonJS module the dev server serves, as an ES module (`commonJsWrapper`), or `null` for any other module.
 * Vite serves CommonJS only through its dependency pre-bundling, which the plugin's answers bypass: a package bundled
 * once for the whole page would also be one instance for every space. Each `require` is resolved here as the import of
 * an ES module is, by this plugin (a `require`, so with the `require` condition), into a URL of its own per space.
 */
export async function serveCommonJs(ctx: TransformPluginContext, code: string, id: string): Promise<string | null> {
  // Vite adds queries of its own (`?v=<hash>` to a file under node_modules).
  const file = parseSpaceId(id).file.replace(/\?.*$/, '')
  if (!isAbsolute(file) || !isCommonJs(file, code)) return null
  // Parsed inside a function, as Node runs it: a CommonJS module may `return` at its top level.
  const program = ctx.parse(`(function () {\n${code.startsWith('#!') ? `//${code}` : code}\n})`)
  const required = await Promise.all(findRequires(program).map((specifier) => requiredModule(ctx, specifier, id)))
  const names = lexNames(code)
  const reexports: string[] = []
  for (const specifier of names.reexports) {
    const found = required.find((r) => r.specifier === specifier) ?? (await requiredModule(ctx, specifier, id))
    if ('id' in found && found.value === 'default') reexports.push(found.id)
  }
  return commonJsWrapper({ file, code, required, exportNames: names.exports, reexports })
}

/** What `require(specifier)` in `importer` gives: this plugin's answer for it, as a URL the dev server serves. */
async function requiredModule(ctx: TransformPluginContext, specifier: string, importer: string): Promise<Required> {
  let resolved
  try {
    // `skipSelf: false`: this plugin's answer is the one wanted; the `node-resolve` flag is how a `require` is told apart.
    resolved = await ctx.resolve(specifier, importer, { skipSelf: false, custom: { 'node-resolve': { isRequire: true } } })
  } catch (error) {
    return { specifier, error: error instanceof Error ? error.message : String(error) }
  }
  if (!resolved) return { specifier, error: `Cannot find module '${specifier}' from ${parseSpaceId(importer).file}` }
  const { file, space } = parseSpaceId(resolved.id)
  // A builtin's browser stand-in or another plugin's virtual module: imported by its specifier, which Vite resolves again.
  if (resolved.external || !isAbsolute(file)) return { specifier, id: specifier, value: 'namespace' }
  // A module of root has a plain id, which an import from a space's module would resolve into that space again.
  const url = space === undefined ? pinnedId(file) : resolved.id
  return { specifier, id: url, value: file.endsWith('.json') || isCommonJsFile(file) ? 'default' : 'namespace' }
}

function lexNames(code: string): { exports: string[]; reexports: string[] } {
  try {
    return lexCommonJs(code)
  } catch {
    // Node gives such a module no named exports either.
    return { exports: [], reexports: [] }
  }
}
