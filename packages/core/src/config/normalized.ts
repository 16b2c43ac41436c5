import type { Delegation } from './types.js'

export const ROOT_SPACE = 'root'

export type OverrideTarget =
  | { type: 'file'; path: string; written: string }
  | { type: 'specifier'; specifier: string; written: string }
  | { type: 'blocked'; written: false }

/** A space after validation: absolute real paths, defaults filled in, the chain to `root` computed. */
export interface NormalizedSpace {
  name: string
  /** `undefined` only for `root`. */
  parent: string | undefined
  /** Real absolute path of the dependency root. */
  root: string
  delegation: Delegation
  /** Package name → required range (or `undefined` for "any version"). */
  shared: ReadonlyMap<string, string | undefined>
  isolated: ReadonlySet<string>
  /** Keyed by specifier; builtins keyed by their `node:` form. */
  overrides: ReadonlyMap<string, OverrideTarget>
  /** Entry name → absolute path. */
  entries: Readonly<Record<string, string>>
  /** This space, its parent, ..., `root`. */
  chain: readonly string[]
}

export interface NormalizedConfig {
  /** The config file, when the config came from one. */
  configFile: string | undefined
  /** Folder that relative paths in the config are relative to. */
  baseDir: string
  spaces: ReadonlyMap<string, NormalizedSpace>
  native: { pin: string; packages: ReadonlySet<string>; onConflict: 'error' | 'warn' }
  conditions: readonly string[]
}
