import type { Plugin } from 'rollup'

/**
 * Problems with where the other plugins sit relative to modspace, with the fix.
 *
 * node-resolve answers every import itself, so when it runs first the core is never asked. commonjs must wrap the
 * answer of the plugins after it (its proxies for ES imports of CommonJS and for CommonJS entries are made around the
 * id `this.resolve` returns), so it has to come before modspace to see modspace's ids.
 */
export function pluginOrderProblems(plugins: readonly Plugin[], self: string): string[] {
  const index = (name: string) => plugins.findIndex((p) => p.name === name)
  const own = index(self)
  const problems: string[] = []
  const nodeResolve = index('node-resolve')
  if (nodeResolve !== -1 && nodeResolve < own) {
    problems.push('nodeResolve() comes before modspace(), so it resolves imports without asking the space graph. Fix: list modspace() before nodeResolve().')
  }
  const commonjs = index('commonjs')
  if (commonjs !== -1 && commonjs > own) {
    problems.push('commonjs() comes after modspace(), so it cannot wrap the per-space ids modspace returns. Fix: list commonjs() before modspace().')
  }
  return problems
}
