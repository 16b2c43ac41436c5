import { ErrorCodes, ModspaceError, type ResolveRequest, type ResolveResult } from '@modspace/core'

// Both errors are built here because the core answers `blocked` and `native` instead of throwing: only the adapter
// knows that the answer is fatal for this build.

/** An import an override sets to `false`: the build fails naming the space, the importer and the override. */
export function blockedImportError(request: ResolveRequest, result: ResolveResult): ModspaceError {
  return new ModspaceError(ErrorCodes.BLOCKED, `"${request.specifier}" is blocked in space "${request.space}" (its override is false).`, {
    configPath: `spaces.${result.space}.overrides`,
    space: request.space,
    specifier: request.specifier,
    ...(request.importer ? { importer: request.importer } : {}),
    expected: `no import of "${request.specifier}" in space "${request.space}"`,
    fix: `remove the import, or give "${request.specifier}" a stand-in file in spaces.${result.space}.overrides`,
    trace: result.trace,
  })
}

/** A native addon reached in a browser build, with the chain of modules that reached it. */
export function nativeInBrowserError(request: ResolveRequest, result: ResolveResult, chain: readonly string[]): ModspaceError {
  const what = result.package ? `${result.package.name}@${result.package.version}` : result.id
  const reached = [...chain, `${request.specifier} → ${what}`].map((line, i) => `${'  '.repeat(i + 2)}${line}`).join('\n')
  // The core has no code of its own for this; the fix lies in the config, so it is reported as a config problem.
  return new ModspaceError(ErrorCodes.CONFIG_INVALID, `${what} is a native addon (pinned to space "${result.space}") and cannot be bundled for a browser target. Reached through:\n${reached}`, {
    configPath: 'native',
    space: request.space,
    specifier: request.specifier,
    ...(request.importer ? { importer: request.importer } : {}),
    file: result.id,
    expected: 'no native addon in a browser bundle',
    fix: `override "${request.specifier}" with a browser stand-in (or false) in spaces.${request.space}.overrides, or build with target: 'node'`,
    trace: result.trace,
  })
}
