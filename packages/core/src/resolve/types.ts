export type ModuleKind = 'file' | 'builtin' | 'native' | 'override' | 'blocked'

/** Which rule of `docs/spec.md` took a step. */
export type TraceRule =
  | 'override'
  | 'builtin'
  | 'relative'
  | 'self-reference'
  | 'isolated'
  | 'shared'
  | 'parent-first'
  | 'self-first'
  | 'host'
  | 'lookup'
  | 'native'
  | 'cache'

export interface TraceStep {
  /** The space in which the step was taken. */
  space: string
  rule: TraceRule
  /** One readable sentence; versions and ranges compared are written out. */
  message: string
}

export interface PackageInfo {
  name: string
  version: string
  /** Real path of the package folder. */
  root: string
}

export interface ResolveRequest {
  /** The space that owns the importer. */
  space: string
  specifier: string
  /**
   * The importing file: an absolute path or a `file:` URL; a relative path is relative to the space's root.
   * Defaults to the space's root folder.
   */
  importer?: string
  /** `import` (default) or `require`: picks the `import`/`require` export condition and Node's rules for each. */
  kind?: 'import' | 'require'
  /**
   * Export conditions; defaults to the config's `conditions`. `import`/`require` is added from `kind`, and, when
   * `node` is among them, `module-sync` and `node-addons`, as Node adds them.
   */
  conditions?: readonly string[]
  /**
   * Require a full file name for `import` as Node's ESM loader does. Bundlers set it to `false`.
   * @default true for `import`, false for `require`
   */
  fullySpecified?: boolean
}

export interface ResolveResult {
  /** The space that owns the module instance. Module identity everywhere is the pair (space, id). */
  space: string
  /** Absolute real file path, `node:` builtin, or (for a blocked import) the specifier. */
  id: string
  kind: ModuleKind
  package?: PackageInfo
  trace: TraceStep[]
  /** Warnings raised while resolving (a native conflict under `onConflict: 'warn'`). */
  warnings?: string[]
}
