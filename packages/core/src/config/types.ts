/** How a space looks for a bare specifier before its own root. */
export type Delegation = 'parent-first' | 'self-first'

/** One space as written in `modspace.config.*`. Paths are relative to the config file. */
export interface SpaceConfig {
  /**
   * The space this one delegates to. `'root'` is the host's own module system.
   * @default 'root'
   */
  parent?: string
  /**
   * Dependency root: the folder holding this space's `package.json` and `node_modules`.
   * Bare lookups never climb above it; the parent's modules are reached only by delegation.
   * @default the config file's folder
   */
  root?: string
  /**
   * Where a bare specifier is looked for first. `parent-first` asks the parent and takes its copy when it satisfies
   * this space's declared range (version-aware); `self-first` takes this space's own copy whenever it has one.
   * @default 'parent-first'
   */
  delegation?: Delegation
  /** Packages always taken from the parent. A record maps each name to a semver range the parent's copy must satisfy. */
  shared?: string[] | Record<string, string>
  /** Packages never delegated: always this space's own copy. */
  isolated?: string[]
  /**
   * Replacements seen by this space and its descendants. A target that starts with `.` or `/` is a file
   * (relative to the config), any other string is another specifier, and `false` blocks the import.
   */
  overrides?: Record<string, string | false>
  /** Named entry modules, for bundlers. */
  entries?: Record<string, string>
}

export interface NativeConfig {
  /**
   * The space that owns every native addon and every module of a native package.
   * @default 'root'
   */
  pin?: string
  /** Packages to treat as native even without `binding.gyp` or `gypfile: true`. */
  packages?: string[]
  /**
   * What to do when two spaces reach two different copies of the same native package.
   * @default 'error'
   */
  onConflict?: 'error' | 'warn'
}

export interface ModspaceConfig {
  /** The JSON Schema of this file, for editors (`modspace.config.json`); ignored by modspace. */
  $schema?: string
  /**
   * The spaces, by name. `root` is reserved for the host's own module system, the parent of every space that names
   * no other.
   */
  spaces: Record<string, SpaceConfig>
  /** Native addons: which space owns them, so that each loads once per process. */
  native?: NativeConfig
  /**
   * Export conditions, in addition to `import` or `require` which follow the kind of request. With `node` among
   * them, `module-sync` and `node-addons` are matched too, as Node 24 matches them (docs/spec.md, "Conditions").
   * @default ['node']
   */
  conditions?: string[]
}
