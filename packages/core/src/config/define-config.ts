import type { ModspaceConfig } from './types.js'

/** Identity function that gives a config file its types. */
export function defineConfig<const T extends ModspaceConfig>(config: T): T {
  return config
}
