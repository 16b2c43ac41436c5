import { ErrorCodes, ModspaceError } from '@modspace/core'

/** The rspack releases whose hooks this plugin's rspack route is built on and tested with (docs/webpack.md, "rspack"). */
export const RSPACK_RANGE = '^2.3.0'

/**
 * Why the plugin cannot run under this rspack, or `undefined`. The route depends on what rspack 2.3 gives an
 * externals function (`dependencyType`, `getResolve`), on the `resolve` hook taking a rewritten request, and on rule
 * layers; an older or a next major rspack may differ in any of them, which would put modules in the wrong spaces
 * without an error.
 */
export function rspackVersionRefusal(version: string | undefined): ModspaceError | undefined {
  const [major, minor] = (version ?? '').split('.').map(Number)
  if (major === 2 && minor !== undefined && minor >= 3) return undefined
  return new ModspaceError(ErrorCodes.UNSUPPORTED_BUNDLER, `@modspace/webpack-plugin runs under rspack ${RSPACK_RANGE}, but this is rspack ${version ?? '(unknown version)'}.`, {
    expected: `@rspack/core ${RSPACK_RANGE}, or webpack ^5.90.0`,
    fix: `install @rspack/core ${RSPACK_RANGE}, or build with webpack`,
  })
}

/**
 * Why the plugin cannot run with this rspack cache, or `undefined`. rspack's persistent cache restores a module with
 * the dependencies it resolved in an earlier run, checked against the files rspack itself read; the core's answers also
 * depend on package.json ranges and installed copies and on the modspace config, which it does not know of (after
 * installing a space's own copy, the space would still get the host's). Memory cache and watch mode are handled.
 */
export function rspackCacheRefusal(cache: unknown): ModspaceError | undefined {
  if (typeof cache !== 'object' || cache === null || (cache as { type?: unknown }).type !== 'persistent') return undefined
  return new ModspaceError(ErrorCodes.UNSUPPORTED_BUNDLER, "@modspace/webpack-plugin does not run with rspack's persistent cache: it would restore modules with the spaces' packages as an earlier run decided them.", {
    configPath: 'cache.type',
    expected: "no cache, or rspack's memory cache (`cache: true`)",
    fix: "remove `cache: { type: 'persistent' }` from the rspack config (or build with webpack, whose filesystem cache the plugin supports)",
  })
}
