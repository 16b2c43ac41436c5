import type { SpaceModule } from '../cjs/space-module.js'

/**
 * The errors Node 24 throws when `require()` meets an ES module it cannot load synchronously, in Node's words: code
 * and message are what programs test, and they are the same as Node's (only the stack frames below differ).
 */

/** `require()` of an ES module that is being evaluated, from a CommonJS module that one of its imports ran. */
export function requireEvaluatingError(id: string, parent: SpaceModule | undefined): Error {
  return nodeError(
    'ERR_REQUIRE_CYCLE_MODULE',
    `Cannot require() ES Module ${id} in a cycle.${from(parent?.filename)} A cycle involving require(esm) is not allowed ` +
      'to maintain invariants mandated by the ECMAScript specification. Try making at least part of the dependency in ' +
      'the graph lazily loaded.',
  )
}

/** `require()` of an ES module that a `require()` further up the stack is still loading (Node's circular require). */
export function requireCycleError(module: SpaceModule): Error {
  return nodeError('ERR_REQUIRE_CYCLE_MODULE', `Cannot require() ES Module ${module.id} in a cycle.${from(module.parent?.filename)}`)
}

/** A required ES module imports a CommonJS module that has not finished loading. */
export function importCjsCycleError(specifier: string, importer: string): Error {
  return nodeError('ERR_REQUIRE_CYCLE_MODULE', `Cannot import CommonJS Module ${specifier} in a cycle.${from(importer)}`)
}

/** `require()` of a graph with top-level await (evaluated or not, as in Node). */
export function requireAsyncError(module: SpaceModule): Error {
  let message =
    'require() cannot be used on an ESM graph with top-level await. Use import() instead. To see where the top-level ' +
    `await comes from, use --experimental-print-required-tla.\nRequired module: ${module.filename}`
  const stack: string[] = []
  for (let parent = module.parent; parent; parent = parent.parent) stack.push(`- ${parent.filename}`)
  if (stack.length) message += `\nRequire stack:\n${stack.join('\n')}`
  return nodeError('ERR_REQUIRE_ASYNC_MODULE', message)
}

function from(filename: string | undefined): string {
  return filename ? ` (from ${filename})` : ''
}

/** An `Error` shaped as Node's own: `code` set, and the stack's first line `Error [CODE]: message`. */
export function nodeError(code: string, message: string): Error {
  const error = new Error(message)
  // V8 writes the stack's first line from the name when the stack is first read: Node shows its codes there.
  error.name = `Error [${code}]`
  void error.stack
  delete (error as { name?: string }).name
  return Object.assign(error, { code })
}
