import type { ResolveData } from 'webpack'

export type AliasOption = NonNullable<NonNullable<ResolveData['resolveOptions']>['alias']>

/**
 * Whether `specifier` is one of the user's webpack `resolve.alias` keys (`@`, `@/x`, or an exact `name$`). An alias
 * is the user pointing webpack at a file on purpose; webpack resolves it, and the core is then asked about that file.
 */
export function matchesAlias(specifier: string, ...aliases: Array<AliasOption | undefined>): boolean {
  for (const alias of aliases) {
    if (!alias) continue
    const names = Array.isArray(alias) ? alias.map((a) => (a.onlyModule ? `${a.name}$` : a.name)) : Object.keys(alias)
    for (const name of names) {
      if (name.endsWith('$') ? specifier === name.slice(0, -1) : specifier === name || specifier.startsWith(`${name}/`)) return true
    }
  }
  return false
}
