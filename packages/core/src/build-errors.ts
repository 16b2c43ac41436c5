import { ErrorCodes, ModspaceError } from './errors.js'
import type { ResolveRequest, ResolveResult } from './resolve/types.js'

// The core answers `blocked` and `native` instead of throwing: only a bundler knows that the answer is fatal for its
// build. These are the errors the bundler plugins then report, one wording for all of them.

/** A `false` override reached in a build: names the space, the importer and the override that blocks it. */
export function blockedImportError(request: ResolveRequest, result: ResolveResult): ModspaceError {
  const declaring = result.space
  return new ModspaceError(ErrorCodes.BLOCKED, `"${request.specifier}" is blocked in space "${request.space}" (an override in "${declaring}" is false).`, {
    configPath: `spaces.${declaring}.overrides`,
    space: request.space,
    specifier: request.specifier,
    ...(request.importer ? { importer: request.importer } : {}),
    expected: `no import of "${request.specifier}" from space "${request.space}"`,
    fix: `remove the import from ${request.importer ?? `space "${request.space}"`}, or override "${request.specifier}" with a stand-in file in spaces.${declaring}.overrides`,
    trace: result.trace,
  })
}

/**
 * A native addon reached in a browser build: better a clear build error than a broken `require` at run time.
 * `chain` is how the build reached the importer, entry first, one `file (space x)` line per module.
 */
export function nativeInBrowserError(request: ResolveRequest, result: ResolveResult, chain: readonly string[]): ModspaceError {
  const what = result.package ? `${result.package.name}@${result.package.version}` : result.id
  const reached = [...chain, `${request.specifier} → ${what}`].map((line, i) => `${'  '.repeat(i + 2)}${line}`).join('\n')
  return new ModspaceError(
    ErrorCodes.NATIVE_IN_BROWSER,
    `${what} is a native addon (pinned to space "${result.space}") and cannot be bundled for a browser target. Reached through:\n${reached}`,
    {
      // Where the fix goes: a stand-in for the addon in the importing space.
      configPath: `spaces.${request.space}.overrides`,
      space: request.space,
      specifier: request.specifier,
      ...(request.importer ? { importer: request.importer } : {}),
      file: result.id,
      expected: 'no native addon in a browser bundle',
      fix: `override "${request.specifier}" with a browser stand-in (or false) in spaces.${request.space}.overrides, or build with target: 'node'`,
      trace: result.trace,
    },
  )
}
