import { existsSync, readFileSync, statSync } from 'node:fs'
import { join, resolve as resolvePath } from 'node:path'
import { pathToFileURL } from 'node:url'
import { ErrorCodes, ModspaceError } from '../errors.js'
import type { ModspaceConfig } from './types.js'

/** File names looked for, in this order, when `loadConfig` is given a folder. */
export const CONFIG_FILE_NAMES = [
  'modspace.config.ts',
  'modspace.config.mts',
  'modspace.config.js',
  'modspace.config.mjs',
  'modspace.config.json',
] as const

export interface LoadedConfig {
  config: ModspaceConfig
  /** Absolute path of the file it came from. */
  file: string
}

/** Finds the config file (when given a folder) and loads it: TypeScript through jiti, JSON parsed, JS imported. */
export async function loadConfig(fileOrDir: string = process.cwd()): Promise<LoadedConfig> {
  const file = findConfigFile(resolvePath(fileOrDir))
  let config: unknown
  try {
    if (file.endsWith('.json')) {
      config = JSON.parse(readFileSync(file, 'utf8'))
    } else {
      const { createJiti } = await import('jiti')
      const jiti = createJiti(pathToFileURL(file).href, { moduleCache: false, fsCache: false })
      const module = await jiti.import<Record<string, unknown>>(file)
      if (!Object.keys(module).includes('default')) throw noDefaultExport(file, Object.keys(module))
      config = module.default
    }
  } catch (cause) {
    if (cause instanceof ModspaceError) throw cause
    throw new ModspaceError(ErrorCodes.CONFIG_LOAD_FAILED, `the config file could not be loaded: ${(cause as Error)?.message ?? String(cause)}`, {
      file,
      cause,
      ...(file.endsWith('.json')
        ? { expected: 'the config object, as valid JSON', fix: 'correct the JSON syntax' }
        : { expected: 'a module whose default export is the config', fix: `run \`node ${file}\` to see the whole error` }),
    })
  }
  return { config: config as ModspaceConfig, file }
}

/** A config module that exports names but no default: jiti would hand back the names as if they were the config. */
function noDefaultExport(file: string, names: string[]): ModspaceError {
  const exported = names.length ? `it exports ${names.slice(0, 5).map((n) => JSON.stringify(n)).join(', ')}${names.length > 5 ? ', …' : ''}` : 'it exports nothing'
  return new ModspaceError(ErrorCodes.CONFIG_INVALID, `the config file has no default export (${exported}).`, {
    configPath: '(default export)',
    file,
    expected: 'the config as the default export of the module',
    fix: 'write `export default defineConfig({ spaces: { ... } })` (or `module.exports = { ... }` in CommonJS)',
  })
}

function findConfigFile(path: string): string {
  const stat = statSync(path, { throwIfNoEntry: false })
  if (stat?.isFile()) return path
  if (stat?.isDirectory()) {
    for (const name of CONFIG_FILE_NAMES) {
      const candidate = join(path, name)
      if (existsSync(candidate)) return candidate
    }
  }
  throw new ModspaceError(ErrorCodes.CONFIG_NOT_FOUND, `no modspace config at ${path}.`, {
    file: path,
    expected: `a file, or a folder holding one of ${CONFIG_FILE_NAMES.join(', ')}`,
    fix: 'create modspace.config.ts with `export default defineConfig({ spaces: { ... } })`, or pass its path',
  })
}
