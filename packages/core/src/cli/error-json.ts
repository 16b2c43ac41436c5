import type { ModspaceError } from '../errors.js'

/**
 * A `ModspaceError` as a `--json` run prints it: `{ "error": { code, message, ... } }` with every detail the error
 * has (config path, file, space, specifier, importer, expected, fix), and the trace beside it when there is one.
 */
export function errorJson(error: ModspaceError): { error: Record<string, unknown>; trace?: unknown[] } {
  const details: Record<string, unknown> = { code: error.code, message: error.message, summary: error.summary }
  for (const key of ['configPath', 'file', 'space', 'specifier', 'importer', 'expected', 'fix'] as const) {
    if (error[key] !== undefined) details[key] = error[key]
  }
  return error.trace ? { error: details, trace: error.trace } : { error: details }
}
