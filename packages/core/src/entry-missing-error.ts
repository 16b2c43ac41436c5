import { ErrorCodes, ModspaceError } from './errors.js'
import type { SpaceGraph } from './space-graph.js'

/**
 * The refusal for a space's `entries.<name>` that names no file, worded as `modspace check` words it: bundlers add
 * every space's entries as inputs, and must say which config line points nowhere, not which tagged id failed.
 */
export function entryMissingError(graph: SpaceGraph, space: string, entry: string, file: string): ModspaceError {
  const configPath = `spaces.${space}.entries.${entry}`
  return new ModspaceError(ErrorCodes.ENTRY_MISSING, `the entry ${file} does not exist.`, {
    configPath,
    space,
    ...(graph.config.configFile ? { file: graph.config.configFile } : {}),
    expected: 'a file, relative to the config file',
    fix: `create ${file}, or correct ${configPath}`,
  })
}

/** The first space entry (in config order) whose file is missing, as its error; `undefined` when every entry exists. */
export function missingEntry(graph: SpaceGraph): ModspaceError | undefined {
  for (const space of graph.spaces.values()) {
    for (const [entry, file] of Object.entries(space.entries)) {
      if (!graph.host.stat(file)?.isFile) return entryMissingError(graph, space.name, entry, file)
    }
  }
  return undefined
}
