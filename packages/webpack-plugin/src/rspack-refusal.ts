import { ErrorCodes, ModspaceError } from '@modspace/core'
import type { Compiler } from 'webpack'

/**
 * Why the plugin cannot run under rspack (2.3), when `compiler` is rspack's; `undefined` for webpack.
 *
 * rspack implements webpack's plugin API, but its normal-module-factory hooks give JavaScript less than the plugin
 * needs: the resolve data carries the request, context, issuer, issuer layer and import attributes, not the
 * dependency's category (so the core cannot be asked with `kind: 'import'` or `'require'`, which pick export
 * conditions and extension guessing); `createData` has no `layer` (a module cannot be put in its owner's layer from a
 * hook); and `factorize`'s result is ignored (a pinned native addon cannot be answered with an external module).
 * A build that ran anyway would give modules to the wrong spaces without saying so.
 */
export function rspackRefusal(compiler: Compiler): ModspaceError | undefined {
  if (!('rspack' in compiler)) return undefined
  return new ModspaceError(
    ErrorCodes.UNSUPPORTED_BUNDLER,
    '@modspace/webpack-plugin does not run under rspack: its module-factory hooks do not give a dependency\'s category (import or require), ' +
      'cannot put a module in a layer, and cannot answer a request with an external module, so spaces cannot be kept apart.',
    { expected: 'webpack ^5.90.0', fix: 'build with webpack 5.90 or later (see docs/webpack.md, "rspack")' },
  )
}
