import { ErrorCodes, ModspaceError, blockedImportError, type ResolveResult, type TraceStep } from '@modspace/core'

/** What was being loaded when something failed. */
export interface LoadRequest {
  space: string
  specifier: string
  /** The importing file; `undefined` for an entry asked of the space directly. */
  importer: string | undefined
}

/** The core's error again, with the trace written into the message: an import failing at run time must say why. */
export function withTrace(error: ModspaceError, request: LoadRequest): ModspaceError {
  const trace = error.trace ?? []
  return new ModspaceError(error.code, `${error.summary}${formatTrace(trace)}`, {
    space: error.space ?? request.space,
    specifier: error.specifier ?? request.specifier,
    importer: error.importer ?? request.importer ?? '(entry of the space)',
    ...(error.configPath ? { configPath: error.configPath } : {}),
    ...(error.file ? { file: error.file } : {}),
    ...(error.expected ? { expected: error.expected } : {}),
    ...(error.fix ? { fix: error.fix } : {}),
    trace,
    cause: error,
  })
}

/**
 * A `blocked` answer is an error at run time: the module may not be loaded from this space. Worded as the bundler
 * plugins word it (the core's `blockedImportError`), with the trace in the message as for every run-time failure.
 */
export function blockedError(result: ResolveResult, request: LoadRequest): ModspaceError {
  const { space, specifier, importer } = request
  return withTrace(blockedImportError({ space, specifier, ...(importer ? { importer } : {}) }, result), request)
}

/** A space used after `dispose()`: its instances are gone, and it will not load them again. */
export function disposedError(space: string, specifier: string | undefined, action: 'load' | 'resolve' | 'override' | 'run a function in' = 'load'): ModspaceError {
  const what = specifier === undefined ? `cannot ${action} space "${space}"` : `cannot ${action} "${specifier}" ${action === 'load' ? 'from' : 'in'} space "${space}"`
  return new ModspaceError(ErrorCodes.DISPOSED, `${what}: the space has been disposed.`, {
    space,
    ...(specifier === undefined ? {} : { specifier }),
    expected: 'a space that has not been disposed',
    fix: 'create the spaces again (createSpaces(), or a new ModuleSpace for an ad hoc space) and load from the new space',
  })
}

function formatTrace(trace: readonly TraceStep[]): string {
  return trace.length ? `\n  trace:\n${trace.map((t) => `    [${t.space}] ${t.rule}: ${t.message}`).join('\n')}` : ''
}
