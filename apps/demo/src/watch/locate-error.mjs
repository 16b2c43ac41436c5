import { isAbsolute, relative } from 'node:path'
import { fileURLToPath } from 'node:url'

/**
 * Where a plugin's code failed, as `file:line` relative to the host folder, or undefined when no frame is in it. A
 * syntax error's stack starts as Node's does, with `file:///…/x.js:2`, the line and a caret; a module that throws has
 * its own file and line in its frames (the adapter keeps line numbers).
 */
export function locateError(error, hostDir) {
  const stack = String(error?.stack ?? '')
  const places = [...stack.matchAll(/^(file:\/\/\S+):(\d+)\n/g), ...stack.matchAll(/(file:\/\/\/?[^\s():]+|\/[^\s():]+):(\d+):\d+/g)]
  for (const [, where, line] of places) {
    const file = relative(hostDir, where.startsWith('file:') ? fileURLToPath(where) : where)
    if (!file.startsWith('..') && !isAbsolute(file)) return `${file}:${line}`
  }
  return undefined
}

/** One line for the console: `file:line  Name: message`. */
export function describeError(error, hostDir) {
  const where = locateError(error, hostDir)
  const message = String(error?.message ?? error).split('\n')[0]
  return `${where ? `${where}  ` : ''}${error?.name ?? 'Error'}: ${message}`
}
