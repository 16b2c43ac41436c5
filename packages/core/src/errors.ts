import type { TraceStep } from './resolve/types.js'

/** Every code a `ModspaceError` can carry. Codes are stable: match on them, not on messages. */
export const ErrorCodes = {
  CONFIG_NOT_FOUND: 'MODSPACE_CONFIG_NOT_FOUND',
  CONFIG_LOAD_FAILED: 'MODSPACE_CONFIG_LOAD_FAILED',
  CONFIG_INVALID: 'MODSPACE_CONFIG_INVALID',
  UNKNOWN_OPTION: 'MODSPACE_UNKNOWN_OPTION',
  UNKNOWN_PARENT: 'MODSPACE_UNKNOWN_PARENT',
  PARENT_CYCLE: 'MODSPACE_PARENT_CYCLE',
  RESERVED_NAME: 'MODSPACE_RESERVED_NAME',
  ROOT_MISSING: 'MODSPACE_ROOT_MISSING',
  OVERRIDE_TARGET_MISSING: 'MODSPACE_OVERRIDE_TARGET_MISSING',
  ENTRY_MISSING: 'MODSPACE_ENTRY_MISSING',
  OVERRIDE_CYCLE: 'MODSPACE_OVERRIDE_CYCLE',
  INVALID_RANGE: 'MODSPACE_INVALID_RANGE',
  UNKNOWN_SPACE: 'MODSPACE_UNKNOWN_SPACE',
  NOT_FOUND: 'MODSPACE_NOT_FOUND',
  BLOCKED: 'MODSPACE_BLOCKED',
  SHARED_RANGE: 'MODSPACE_SHARED_RANGE',
  VERSION_MISMATCH: 'MODSPACE_VERSION_MISMATCH',
  NATIVE_CONFLICT: 'MODSPACE_NATIVE_CONFLICT',
  NATIVE_IN_BROWSER: 'MODSPACE_NATIVE_IN_BROWSER',
  DISPOSED: 'MODSPACE_DISPOSED',
  HOST_LOADER_HOOK: 'MODSPACE_HOST_LOADER_HOOK',
  USAGE: 'MODSPACE_USAGE',
  UNSUPPORTED_BUNDLER: 'MODSPACE_UNSUPPORTED_BUNDLER',
} as const

export type ErrorCode = (typeof ErrorCodes)[keyof typeof ErrorCodes]

export interface ModspaceErrorDetails {
  /** Where in the config the problem is, as a dotted path: `spaces.plugin-a.parent`. */
  configPath?: string
  /** The config file, or the file involved. */
  file?: string
  space?: string
  specifier?: string
  importer?: string
  /** What was expected, in words. */
  expected?: string
  /** What to do about it. */
  fix?: string
  trace?: TraceStep[]
  cause?: unknown
}

/**
 * The one error type modspace throws. The message is complete on its own (what, where, what was expected, the fix);
 * the same facts are on the instance for tools.
 */
export class ModspaceError extends Error implements ModspaceErrorDetails {
  override name = 'ModspaceError'
  readonly code: ErrorCode
  readonly configPath?: string
  readonly file?: string
  readonly space?: string
  readonly specifier?: string
  readonly importer?: string
  readonly expected?: string
  readonly fix?: string
  readonly trace?: TraceStep[]
  /** The first line of the message, without the code and the details. */
  readonly summary: string

  constructor(code: ErrorCode, summary: string, details: ModspaceErrorDetails = {}) {
    super(formatMessage(code, summary, details), details.cause === undefined ? undefined : { cause: details.cause })
    this.code = code
    this.summary = summary
    const { cause: _cause, ...rest } = details
    Object.assign(this, rest)
  }
}

/**
 * What (the code, the config path, the summary), where (space, importer, file), what was expected, the fix. A "where"
 * the summary already states (`in space "a"`, a path) is not repeated on a line of its own.
 */
function formatMessage(code: ErrorCode, summary: string, d: ModspaceErrorDetails): string {
  const where = d.configPath ? `${d.configPath}: ` : ''
  const lines = [`[${code}] ${where}${summary}`]
  if (d.space && !summary.includes(`"${d.space}"`)) lines.push(`  space: ${d.space}`)
  if (d.importer && !summary.includes(d.importer)) lines.push(`  importer: ${d.importer}`)
  if (d.file && !summary.includes(d.file)) lines.push(`  file: ${d.file}`)
  if (d.expected) lines.push(`  expected: ${d.expected}`)
  if (d.fix) lines.push(`  fix: ${d.fix}`)
  return lines.join('\n')
}

export function isModspaceError(value: unknown): value is ModspaceError {
  return value instanceof ModspaceError
}
