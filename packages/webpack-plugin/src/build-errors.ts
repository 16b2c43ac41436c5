import { ErrorCodes, ModspaceError, type ResolveRequest, type ResolveResult } from '@modspace/core'

/** A `false` override reached: the build fails naming the space, the importer and the override that blocks it. */
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

/** A native addon has no place in a browser bundle; better a clear build error than a broken `require` at run time. */
export function nativeInBrowserError(request: ResolveRequest, result: ResolveResult): ModspaceError {
  const what = result.package ? `${result.package.name}@${result.package.version}` : result.id
  // core has no code of its own for this yet; the fix is in the config, so it is reported as a config problem.
  return new ModspaceError(ErrorCodes.CONFIG_INVALID, `${what} is a native addon (pinned to "${result.space}") and cannot be bundled for a browser target.`, {
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
