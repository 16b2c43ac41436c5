import { readFileSync } from 'node:fs'
import { relative } from 'node:path'

/**
 * Where a plugin's load failed, as `file:line` relative to the host folder, or undefined when no frame is in it.
 * A module that throws has its own file and line in the stack (the adapter keeps line numbers). A syntax error found
 * by the adapter's parser names the file and carries the parser's offset in `cause.pos`, which is turned into a line.
 */
export function locateError(error, hostDir) {
  const inFile = /\(in (\/[^)]+)\)$/.exec(error?.message ?? '')
  if (inFile && typeof error.cause?.pos === 'number') {
    const before = readFileSync(inFile[1], 'utf8').slice(0, error.cause.pos)
    return `${relative(hostDir, inFile[1])}:${before.split('\n').length}`
  }
  for (const match of String(error?.stack ?? '').matchAll(/(\/[^\s():]+):(\d+):\d+/g)) {
    const file = relative(hostDir, match[1])
    if (!file.startsWith('..')) return `${file}:${match[2]}`
  }
  return undefined
}

/** One line for the console: `file:line  Name: message` (the message without the adapter's `(in file)`). */
export function describeError(error, hostDir) {
  const where = locateError(error, hostDir)
  const message = String(error?.message ?? error).split('\n')[0].replace(/ \(in \/[^)]+\)$/, '')
  return `${where ? `${where}  ` : ''}${error?.name ?? 'Error'}: ${message}`
}
