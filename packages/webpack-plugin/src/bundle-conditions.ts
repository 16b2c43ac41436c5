import type { SpaceGraph } from '@modspace/core'

const browserConditions = new WeakMap<SpaceGraph, string[]>()

/**
 * The conditions a build asks the core with: the config's own for a Node bundle (`undefined`), `browser` and the
 * config's without `node` for a browser bundle. One array per graph: the core makes its conditions once per array.
 */
export function bundleConditions(graph: SpaceGraph, target: 'node' | 'browser'): readonly string[] | undefined {
  if (target !== 'browser') return undefined
  let conditions = browserConditions.get(graph)
  if (!conditions) browserConditions.set(graph, (conditions = ['browser', ...graph.config.conditions.filter((c) => c !== 'node')]))
  return conditions
}
