import type { ModspaceError } from '@modspace/core'
import type { RollupError } from 'rollup'

/**
 * A `ModspaceError` as the error Rollup throws: its facts (`code`, `space`, `configPath`, `specifier`, `importer`,
 * `file`, `expected`, `fix`, `trace`) on the error itself, the code also as `pluginCode` (Rollup's place for a
 * plugin's code), the ModspaceError itself as `cause`, and the message prefixed as Rollup prefixes plugin errors.
 *
 * `code` and `plugin` keep their values. Rollup writes `PLUGIN_ERROR` into `code` and names the plugin again in every
 * hook an error passes through; an error of this plugin's `resolveId` passes through the hook of whichever plugin
 * asked `this.resolve` (commonjs--resolver, for each `require`), and would then blame that plugin. The code stays
 * modspace's so that one code means one problem under Rollup and webpack alike. An Error instance, unlike a plain
 * object, reaches the user as it is, so the accessors survive.
 */
export function pluginError(error: ModspaceError, plugin: string): RollupError {
  const { code, message, summary: _summary, name: _name, stack: _stack, ...facts } = error
  const thrown = Object.assign(new Error(`[plugin ${plugin}] ${message}`, { cause: error }), facts, { pluginCode: code })
  for (const [key, value] of Object.entries({ code, plugin })) {
    // Later assignments are ignored on purpose: an accessor without a setter would throw in Rollup's strict code.
    Object.defineProperty(thrown, key, { enumerable: true, get: () => value, set: () => {} })
  }
  return thrown as RollupError
}
