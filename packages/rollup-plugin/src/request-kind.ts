import { extname } from 'node:path'
import type { CustomPluginOptions, ResolvedId } from 'rollup'

/** What Rollup, rolldown and Vite pass to `resolveId` beside the specifier and the importer. */
export interface ResolveOptions {
  attributes: Record<string, string>
  custom?: CustomPluginOptions
  isEntry: boolean
  /** rolldown (and so Vite 8): how the module imports it; `require-call` for a CommonJS `require`. */
  kind?: string
}

/**
 * Whether the import is a CommonJS `require`: rolldown says so in `kind` (it reads CommonJS itself); under Rollup,
 * @rollup/plugin-commonjs marks the `require`s it resolves with `custom['node-resolve'].isRequire`.
 */
export function isRequire(options: ResolveOptions): boolean {
  if (options.kind !== undefined) return options.kind === 'require-call'
  return Boolean((options.custom?.['node-resolve'] as { isRequire?: boolean } | undefined)?.isRequire)
}

const NODE_EXTENSIONS = new Set(['.js', '.mjs', '.cjs', '.json', '.node', ''])

/**
 * Whether a file another resolver found for a relative specifier (after the core found nothing) is a guess of a
 * resolver that follows Node's rules and guesses more than Node, rather than a file a source plugin maps.
 *
 * Rollup names the resolver: node-resolve, Rollup itself, commonjs (`commonjs--resolver` when it wraps a CommonJS
 * module for an ES import), or this plugin (node-resolve hands its file back through it). rolldown names none, and its
 * own resolver completes extensions as node-resolve does: there, a file with an extension Node loads (`./util` found as
 * `util.mjs`) is taken for such a guess, and any other (`./util.js` as `util.ts`, `./App.vue`) for a source plugin's.
 */
export function isHostGuess(other: ResolvedId, file: string, self: string): boolean {
  const by = (other as { resolvedBy?: string }).resolvedBy
  if (by === undefined) return NODE_EXTENSIONS.has(extname(file))
  return ['node-resolve', 'rollup', self].includes(by) || by.startsWith('commonjs')
}
