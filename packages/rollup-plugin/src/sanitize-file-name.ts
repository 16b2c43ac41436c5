import type { OutputOptions } from 'rollup'
import { readableChunkName } from './space-id.js'

// Rollup's default: characters that are unsafe in file names or URLs become `_` (a drive letter's colon is kept).
// eslint-disable-next-line no-control-regex -- the control characters are what it removes
const UNSAFE = /[\u0000-\u001F"#$%&*+,:;<=>?[\]^`{|}\u007F]/g
const DRIVE_LETTER = /^[a-z]:/i

function rollupDefault(name: string): string {
  const drive = DRIVE_LETTER.exec(name)?.[0] ?? ''
  return drive + name.slice(drive.length).replace(UNSAFE, '_')
}

/**
 * A chunk named after a module carries that module's id; the space mark becomes `-<space>` (`index-a.js`) before
 * the user's own sanitizer, or Rollup's default, sees the name.
 */
export function sanitizeWithSpaces(user: OutputOptions['sanitizeFileName']): (name: string) => string {
  if (user === false) return readableChunkName
  const next = typeof user === 'function' ? user : rollupDefault
  return (name) => next(readableChunkName(name))
}
