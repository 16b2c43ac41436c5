import { ErrorCodes, ModspaceError, type ModspaceConfig } from '@modspace/core'

/** Options of `new ModspacePlugin(options)`: the same as the Rollup plugin's. */
export interface ModspacePluginOptions {
  /**
   * The modspace config: a file path, a folder holding `modspace.config.*`, or the config object itself.
   * Relative paths are relative to webpack's `context`; an object's paths are relative to `context` too.
   * @default webpack's `context` (the config is looked for there)
   */
  config?: string | ModspaceConfig
  /**
   * File name of the manifest emitted beside the bundle (which module instance each space got), or `false` for none.
   * @default 'modspace-manifest.json'
   */
  manifest?: string | false
  /**
   * What the bundle runs on. `node` loads pinned native addons once, from disk; `browser` refuses them.
   * @default `node` when webpack's target is a Node target (`externalsPresets.node`), else `browser`
   */
  target?: 'node' | 'browser'
}

export interface ResolvedOptions {
  config: string | ModspaceConfig | undefined
  manifest: string | false
  target: 'node' | 'browser' | undefined
}

export const DEFAULT_MANIFEST = 'modspace-manifest.json'
const KNOWN = ['config', 'manifest', 'target'] as const

/** Checks the options when the plugin is constructed, so that a typo fails before webpack starts. */
export function validateOptions(options: unknown): ResolvedOptions {
  if (options === undefined) return { config: undefined, manifest: DEFAULT_MANIFEST, target: undefined }
  if (options === null || typeof options !== 'object' || Array.isArray(options)) {
    throw invalid('options', `the options must be an object, not ${describe(options)}.`, '{ config?, manifest?, target? }')
  }
  const o = options as Record<string, unknown>
  for (const key of Object.keys(o)) {
    if ((KNOWN as readonly string[]).includes(key)) continue
    throw new ModspaceError(ErrorCodes.UNKNOWN_OPTION, `ModspacePlugin has no option ${JSON.stringify(key)}.`, {
      configPath: `options.${key}`,
      expected: `one of: ${KNOWN.join(', ')}`,
      fix: 'remove it; space settings belong in the modspace config, not in the plugin options',
    })
  }
  const { config, manifest, target } = o
  if (config !== undefined && typeof config !== 'string' && (config === null || typeof config !== 'object' || Array.isArray(config))) {
    throw invalid('config', `config must be a path or a config object, not ${describe(config)}.`, 'a path to modspace.config.*, a folder, or { spaces: { ... } }')
  }
  if (config === '') throw invalid('config', 'config is an empty string.', 'a path to modspace.config.*, a folder, or { spaces: { ... } }')
  if (manifest !== undefined && manifest !== false && (typeof manifest !== 'string' || manifest === '')) {
    throw invalid('manifest', `manifest must be a file name or false, not ${describe(manifest)}.`, `a file name such as "${DEFAULT_MANIFEST}", or false`)
  }
  if (target !== undefined && target !== 'node' && target !== 'browser') {
    throw invalid('target', `target must be "node" or "browser", not ${describe(target)}.`, '"node" or "browser" (or leave it out to follow webpack\'s target)')
  }
  return {
    config: config as ResolvedOptions['config'],
    manifest: manifest === undefined ? DEFAULT_MANIFEST : (manifest as string | false),
    target: target as ResolvedOptions['target'],
  }
}

function invalid(key: string, summary: string, expected: string): ModspaceError {
  return new ModspaceError(ErrorCodes.CONFIG_INVALID, summary, {
    configPath: key === 'options' ? 'options' : `options.${key}`,
    expected,
    fix: `change the ${key === 'options' ? 'argument' : `"${key}" option`} of new ModspacePlugin(...)`,
  })
}

function describe(value: unknown): string {
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'an array'
  return typeof value === 'string' ? JSON.stringify(value) : `${typeof value} ${String(value)}`
}
