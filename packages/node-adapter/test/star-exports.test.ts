import { execFileSync } from 'node:child_process'
import { join } from 'node:path'
import { expect, it } from 'vitest'
import { ModuleSpace } from '../src/index.js'
import { inSpace as inSpaceAt, native as nativeAt } from './compare-with-node.js'
import { fixture } from './fixture-path.js'

// Names reached through `export *`, resolved as Node resolves them: one binding reached on two paths (barrels of
// barrels, a namespace re-export reached twice), two bindings (the name is left out, importing it is a SyntaxError),
// export * cycles, a circle of re-exports by name, a CommonJS source, live bindings. Linking resolves each record's
// star names once and keeps them: a space importing every file, in either order, must answer as fresh spaces do.
const root = fixture('semantics/star')
const files = [
  'diamond.js', 'diamond-user.js', 'ambiguous.js', 'ambiguous-user.js', 'shadow.js', 'cycle-a.js', 'cycle-b.js',
  'cycle-top.js', 'cycle-user.js', 'ns-diamond.js', 'renamed.js', 'renamed-missing.js', 'renamed-missing-user.js', 'circle.js',
  'circle-user.js', 'circle-bad-user.js', 'with-cjs.js', 'live.js', 'interleaved.js',
]

/**
 * A namespace as data (keys in order, values; a namespace by its keys), or the error's class: the messages differ in
 * which module they name (V8 names the module where resolution failed, a space the one imported) and V8 says
 * "Detected cycle" where a space says the name is not provided.
 */
const describe = `async (load) => { try { const ns = await load(); return Object.keys(ns).map((k) => [k, typeof ns[k] === 'object' && !Array.isArray(ns[k]) ? Object.keys(ns[k]) : ns[k]]) } catch (e) { return e.name } }`

/** Each file in a fresh Node process: V8 keeps a name it found through export * for a namespace made earlier. */
function native(file: string): unknown {
  const script = `const d = ${describe}; console.log(JSON.stringify(await d(() => import(${JSON.stringify(join(root, file))}))))`
  return JSON.parse(execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' })) as unknown
}

async function inSpace(order: string[]): Promise<Record<string, unknown>> {
  const space = new ModuleSpace({ parent: undefined, root, delegation: 'self-first' })
  const load = eval(describe) as (load: () => Promise<object>) => Promise<unknown>
  const out: Record<string, unknown> = {}
  try {
    for (const file of order) out[file] = await load(() => space.import(join(root, file)))
  } finally {
    await space.dispose()
  }
  return out
}

it('resolves names reached through export * as Node does, whatever file of the graph is linked first', async () => {
  const expected = Object.fromEntries(files.map((file) => [file, native(file)]))
  // What Node says, pinned, so that the fixtures keep testing what they are named for.
  expect(expected['diamond-user.js']).toEqual([['seen', ['leaf-x', 1]]])
  expect(expected['ambiguous.js']).toEqual([['onlyLeaf', 1], ['onlyLeaf2', 2]])
  expect(expected['ambiguous-user.js']).toBe('SyntaxError')
  expect(expected['shadow.js']).toEqual([['onlyLeaf', 1], ['onlyLeaf2', 2], ['x', 'own']])
  expect(expected['interleaved.js']).toEqual([['a', 'own-a'], ['onlyLeaf', 1], ['onlyLeaf2', 2], ['z', 'own-z']])
  expect(expected['cycle-user.js']).toEqual([['seen', ['a', 'b', 2]]])
  expect(expected['ns-diamond.js']).toEqual([['ns', ['default', 'onlyLeaf', 'x']], ['onlyLeaf', 1], ['x', 'leaf-x']])
  expect(expected['circle-bad-user.js']).toBe('SyntaxError')
  expect(expected['live.js']).toEqual([['seen', [1, 2]]])
  const fresh: Record<string, unknown> = {}
  for (const file of files) Object.assign(fresh, await inSpace([file]))
  expect(fresh).toEqual(expected)
  expect(await inSpace(files)).toEqual(expected)
  expect(await inSpace([...files].reverse())).toEqual(expected)
}, 60_000)

it('fills a namespace as V8 does where a source of its export * has a name ambiguously: from another source', async () => {
  // V8 fills a namespace from its sources' namespaces, where a name two of their sources give differently is missing,
  // so the module above gets x from its other source (and still refuses `import { x }`).
  const expected = nativeAt(root, 'ambiguous-seen.js')
  expect(expected).toEqual({ top: ['onlyLeaf', 'onlyLeaf2', 'x'], x: 'leaf-x', ambiguous: ['onlyLeaf', 'onlyLeaf2'] })
  expect(await inSpaceAt(root, 'ambiguous-seen.js')).toEqual(expected)
})

it('names the conflicting name when an import reaches two bindings through export *', async () => {
  const space = new ModuleSpace({ parent: undefined, root, delegation: 'self-first' })
  try {
    await expect(space.import(join(root, 'ambiguous-user.js'))).rejects.toThrow(/contains conflicting star exports for name 'x'/)
    // Node's words for the circle of re-exports by name, naming the module where V8's walk met it again.
    await expect(space.import(join(root, 'circle-bad-user.js'))).rejects.toThrow("Detected cycle while resolving name 'y' in './circle-2.js'")
  } finally {
    await space.dispose()
  }
})
