import { didYouMean } from '../did-you-mean.js'
import { ErrorCodes } from '../errors.js'
import type { Fail } from './config-failure.js'

/** Refuses the first key of `value` that is not among `allowed`, with a did-you-mean. */
export function checkKeys(value: object, allowed: readonly string[], at: string, fail: Fail): void {
  for (const key of Object.keys(value)) {
    if (allowed.includes(key)) continue
    const guess = didYouMean(key, allowed)
    throw fail(ErrorCodes.UNKNOWN_OPTION, at ? `${at}.${key}` : key, `unknown option ${JSON.stringify(key)}.`, {
      expected: `one of: ${allowed.join(', ')}`,
      fix: guess ? `did you mean "${guess}"?` : 'remove it',
    })
  }
}
