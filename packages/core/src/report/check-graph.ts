import { join, relative } from 'node:path'
import { ROOT_SPACE } from '../config/normalize-config.js'
import { ErrorCodes, ModspaceError } from '../errors.js'
import type { SpaceGraph } from '../space-graph.js'

export interface CheckProblem {
  severity: 'error' | 'warning'
  code: string
  message: string
  configPath?: string
}

/**
 * What would fail, found without running anything: shared ranges the parent does not satisfy, override specifiers
 * that resolve nowhere, missing entries, native packages reached in two copies, and packages two spaces would load
 * in different versions (a warning: that is often the point, but it should be a decision).
 */
export function checkGraph(graph: SpaceGraph): CheckProblem[] {
  const problems: CheckProblem[] = []
  const reported = new Set<string>()
  const report = (error: unknown, configPath?: string) => {
    if (!(error instanceof ModspaceError)) throw error
    // One cause reached from several spaces is one problem.
    const key = `${error.code}\0${error.summary}`
    if (reported.has(key)) return
    reported.add(key)
    problems.push({ severity: 'error', code: error.code, message: error.message, ...(error.configPath ?? configPath ? { configPath: error.configPath ?? configPath } : {}) })
  }
  const spaces = [...graph.spaces.values()]

  for (const space of spaces) {
    for (const [name] of space.shared) {
      try {
        graph.resolve({ space: space.name, specifier: name })
      } catch (error) {
        report(error, `spaces.${space.name}.shared.${name}`)
      }
    }
    for (const [key, target] of space.overrides) {
      if (target.type !== 'specifier') continue
      try {
        graph.resolve({ space: space.name, specifier: key })
      } catch (error) {
        report(error, `spaces.${space.name}.overrides.${key}`)
      }
    }
    for (const [entry, file] of Object.entries(space.entries)) {
      if (!graph.host.stat(file)?.isFile) {
        const configPath = `spaces.${space.name}.entries.${entry}`
        report(
          new ModspaceError(ErrorCodes.ENTRY_MISSING, `the entry ${file} does not exist.`, {
            configPath,
            ...(graph.config.configFile ? { file: graph.config.configFile } : {}),
            expected: 'a file, relative to the config file',
            fix: `create ${file}, or correct ${configPath}`,
          }),
        )
      }
    }
  }

  // Every dependency each space's own package.json declares, resolved as that space would resolve it.
  const versions = new Map<string, Map<string, string[]>>()
  for (const space of spaces) {
    const manifest = graph.host.readPackageJson(space.root)
    if (!manifest) continue
    const names = new Set<string>()
    for (const field of ['dependencies', 'optionalDependencies', 'peerDependencies', 'devDependencies']) {
      for (const name of Object.keys(manifest[field] ?? {})) names.add(name)
    }
    for (const name of names) {
      try {
        const result = graph.resolve({ space: space.name, specifier: name, importer: join(space.root, 'package.json'), kind: 'require' })
        for (const warning of result.warnings ?? []) problems.push({ severity: 'warning', code: 'MODSPACE_NATIVE_CONFLICT', message: warning })
        if (!result.package || result.package.name !== name) continue
        const byVersion = versions.get(name) ?? new Map<string, string[]>()
        versions.set(name, byVersion)
        const at = `${result.package.version} (${relative(graph.config.baseDir, result.package.root) || '.'})`
        byVersion.set(at, [...(byVersion.get(at) ?? []), space.name])
      } catch (error) {
        // A package that exports no "require" or "." entry is not a problem of the config.
        if (error instanceof ModspaceError && error.code === 'MODSPACE_NOT_FOUND' && space.name === ROOT_SPACE) continue
        report(error)
      }
    }
  }
  for (const [name, byVersion] of versions) {
    if (byVersion.size < 2) continue
    const detail = [...byVersion].map(([v, s]) => `${v} in ${s.join(', ')}`).join('; ')
    problems.push({ severity: 'warning', code: 'MODSPACE_VERSIONS_DIFFER', message: `${name} loads in ${byVersion.size} versions: ${detail}` })
  }
  return problems
}
