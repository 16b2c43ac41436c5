import { fileURLToPath } from 'node:url'
import { ModuleSpace } from '@modspace/node-adapter'
import { shapeOf, type Case, type Load } from './cases.js'
import type { Door } from './native/run-reference.js'

/** The repo's root: spaces are rooted there, so that they own every package npm installed, hoisted or not. */
export const repoRoot = fileURLToPath(new URL('../../..', import.meta.url))
const loaders = fileURLToPath(new URL('./fixtures/loaders/', import.meta.url))

/**
 * A space that owns everything under the repo's root (self-first): each package it loads is its own instance, loaded
 * by the adapter's loaders, never by the host's.
 */
export function newSpace(name: string, options: { overrides?: Record<string, string | false> } = {}): ModuleSpace {
  return new ModuleSpace({ root: repoRoot, delegation: 'self-first', name, ...options })
}

/** The door's loader module (`import()` in an ES module, `require()` in a CommonJS one), loaded in the space. */
export async function doorOf(space: ModuleSpace, door: Door): Promise<Load> {
  if (door === 'import') {
    const { load } = await space.import(`${loaders}load.mjs`)
    return load
  }
  const requireDoor = space.require(`${loaders}load.cjs`)
  return async (specifier: string) => requireDoor(specifier)
}

export interface Outcome {
  shape?: ReturnType<typeof shapeOf>
  value?: unknown
  error?: string
}

/** The case's operation in the space, as JSON (or the error's code and message, as the native run reports it). */
export async function runInSpace(space: ModuleSpace, item: Case, door: Door): Promise<Outcome> {
  try {
    const load = await doorOf(space, door)
    const mod = await load(item.specifier)
    return { shape: shapeOf(mod), value: JSON.parse(JSON.stringify((await item.run(mod, load)) ?? null)) }
  } catch (error: any) {
    return { error: `${error?.code ?? error?.name}: ${error?.message}` }
  }
}

/** Every package file the space holds an instance of: its CommonJS and JSON registry and its ES module records. */
export function packageFiles(space: ModuleSpace): string[] {
  // A required ES module is in both (Node 24 gives it a require.cache entry too): one instance, listed once.
  const ids = new Set([...Object.keys(space.requireCache), ...space.esmRecords.keys()])
  return [...ids].filter((id) => id.includes('/node_modules/')).sort()
}

/** The space's instance of a file: `module.exports` for CommonJS and JSON, the namespace for an ES module. */
export function instanceOf(space: ModuleSpace, file: string): unknown {
  return space.requireCache[file]?.exports ?? space.esmRecords.get(file)?.ns
}
