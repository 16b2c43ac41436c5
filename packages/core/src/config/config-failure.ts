import { ErrorCodes, ModspaceError, type ErrorCode } from '../errors.js'
import { describeValue } from '../describe-value.js'

export interface FailureDetails {
  expected?: string
  fix?: string
}

/** Makes the `ModspaceError` of a config problem at `configPath`, naming the config file when there is one. */
export type Fail = (code: ErrorCode, configPath: string, summary: string, more?: FailureDetails) => ModspaceError

export function configFailure(configFile: string | undefined): Fail {
  return (code, configPath, summary, more = {}) => new ModspaceError(code, summary, { configPath, ...(configFile ? { file: configFile } : {}), ...more })
}

/** An object keyed by name (`overrides`, `entries`, `native`); absent means empty. */
export function record(value: unknown, at: string, fail: Fail): Record<string, unknown> {
  if (value === undefined) return {}
  if (!isRecord(value)) {
    throw fail(ErrorCodes.CONFIG_INVALID, at, `${describeValue(value)} is not an object.`, {
      expected: 'an object keyed by name',
      fix: `write ${at} as { "name": value }`,
    })
  }
  return value
}

/** A list of package names (`shared`, `isolated`, `native.packages`); each item is checked, with its index in the path. */
export function nameList(value: unknown, at: string, fail: Fail): string[] {
  if (value === undefined) return []
  if (!Array.isArray(value)) {
    throw fail(ErrorCodes.CONFIG_INVALID, at, `${describeValue(value)} is not a list of package names.`, {
      expected: 'an array of package names, such as ["react", "@scope/pkg"]',
      fix: 'write the names in an array',
    })
  }
  value.forEach((name, index) => packageName(name, `${at}[${index}]`, fail))
  return value as string[]
}

/** One package name: a non-empty string. */
export function packageName(name: unknown, at: string, fail: Fail): string {
  if (typeof name !== 'string' || name === '') {
    throw fail(ErrorCodes.CONFIG_INVALID, at, `${describeValue(name)} is not a package name.`, {
      expected: 'a package name, such as "react" or "@scope/pkg"',
      fix: 'write the package name as a string, or remove the item',
    })
  }
  return name
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
}
