import { basename, extname, resolve as resolvePath } from 'node:path'
import { ROOT_SPACE, type SpaceGraph } from '@modspace/core'
import type { InputOption } from 'rollup'
import { inSpace, parseSpaceId } from './space-id.js'

/**
 * The user's `input` plus every space's `entries`, named `<space>/<entry>` (so they are written as `<space>/<entry>.js`
 * under `entryFileNames`). An input of the user's own for the same file in the same space keeps the user's name.
 * Unnamed inputs (a string or an array) get the name Rollup would give them: the file name without its extension.
 */
export function withSpaceEntries(graph: SpaceGraph, input: InputOption | undefined, cwd: string): Record<string, string> {
  const named: Record<string, string> =
    input === undefined ? {} : typeof input === 'string' || Array.isArray(input) ? Object.fromEntries([input].flat().map((i) => [basename(parseSpaceId(i).file, extname(parseSpaceId(i).file)), i])) : { ...input }
  const taken = new Set(
    Object.values(named).map((i) => {
      const { file, space } = parseSpaceId(i)
      const path = resolvePath(cwd, file)
      return `${space ?? graph.spaceForFile(path)}\0${path}`
    }),
  )
  for (const space of graph.spaces.values()) {
    for (const [name, file] of Object.entries(space.entries)) {
      if (taken.has(`${space.name}\0${file}`)) continue
      named[`${space.name}/${name}`] = space.name === ROOT_SPACE ? file : inSpace(file, space.name)
    }
  }
  return named
}
