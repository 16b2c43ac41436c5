import { ErrorCodes, ModspaceError, type SpaceGraph } from '@modspace/core'
import type { Compiler } from 'webpack'
import { spaceEntries } from '../space-entries.js'
import { spaceLayerRules } from './layer-rules.js'

/**
 * What rspack fixes when it first builds, and so the plugin must add before: the spaces' layer rules, and the spaces'
 * entries as entry plugins (rspack has no entry factory for `compilation.addEntry` in a build whose own config has no
 * entry). A later config (watch mode) with other spaces or entries cannot be applied: the watch is refused until
 * rspack is started again. Returns the setup's fingerprint, to compare a later config against.
 */
export function setUpFirstBuild(compiler: Compiler, graph: SpaceGraph, rules: unknown[], done: string | undefined): string {
  const entries = spaceEntries(graph)
  // Whether each entry's file is there is part of what rspack fixed: an entry created during the watch must not be
  // left out of the build in silence.
  const present = entries.map(({ file }) => graph.host.stat(file)?.isFile === true)
  const fingerprint = JSON.stringify([[...graph.spaces.keys()], entries, present])
  if (done !== undefined) {
    if (done !== fingerprint) throw changedSpaces()
    return done
  }
  rules.unshift(...spaceLayerRules(graph.spaces.keys()))
  const { EntryPlugin } = compiler.webpack
  for (const [i, { name, space, file }] of entries.entries()) {
    // A missing file is reported by `presentEntries` in each build, with the config line that names it.
    if (present[i]) new EntryPlugin(compiler.context, file, { name, layer: space }).apply(compiler)
  }
  return fingerprint
}

function changedSpaces(): ModspaceError {
  return new ModspaceError(ErrorCodes.UNSUPPORTED_BUNDLER, 'the modspace config changed its spaces or their entries (or an entry\'s file appeared or went) while rspack was watching; rspack fixes its module rules and entries when it starts.', {
    configPath: 'spaces',
    expected: 'the spaces and entries the watch started with',
    fix: 'restart rspack to build with the new spaces (changes within a space, such as overrides or ranges, need no restart)',
  })
}
