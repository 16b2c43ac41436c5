import { join } from 'node:path'
import { ErrorCodes, ModspaceError } from '@modspace/core'
import semver from 'semver'

/**
 * The target Vite gives the environment being built: `client` code runs in a browser, `server` code (SSR) in Node.
 * Vite (6 and later) puts the environment on the context of every build hook; Rollup and rolldown have none.
 */
export function viteTarget(ctx: unknown): 'node' | 'browser' | undefined {
  const consumer = (ctx as { environment?: { config?: { consumer?: string } } }).environment?.config?.consumer
  if (consumer === 'client') return 'browser'
  if (consumer === 'server') return 'node'
  return undefined
}

/** The bundler running the plugin, as the manifest names it: Vite and rolldown say so in `this.meta`. */
export function bundlerName(meta: object): 'vite' | 'rolldown' | 'rollup' {
  if ('viteVersion' in meta) return 'vite'
  if ('rolldownVersion' in meta) return 'rolldown'
  return 'rollup'
}

/**
 * The file behind a URL that Vite's dev server asks about, or `undefined` outside the dev server or for anything else.
 * The dev server serves modules unbundled: a module id becomes a URL (a file under the root as `/path`, any other as
 * `/@fs/<absolute path>`, a space's module with its `?modspace=` tag kept), and the browser's request for that URL
 * is resolved again. The tag, and anything after it, stays on the answer, so the URL names the same module.
 */
export function viteDevFile(ctx: unknown, source: string, exists: (file: string) => boolean): string | undefined {
  const environment = (ctx as { environment?: { mode?: string; config?: { root?: string } } }).environment
  const root = environment?.mode === 'dev' ? environment.config?.root : undefined
  if (root === undefined || !source.startsWith('/')) return undefined
  const query = source.search(/\?/)
  const path = query === -1 ? source : source.slice(0, query)
  const rest = query === -1 ? '' : source.slice(query)
  if (path.startsWith('/@fs/')) return path.slice('/@fs'.length) + rest
  if (exists(path)) return undefined
  const inRoot = join(root, path)
  return exists(inRoot) ? inRoot + rest : undefined
}

/**
 * The bundler's version outside the plugin's peer range, as the message that stops the build; `undefined` when it is
 * in range. rolldown (and Vite 8 through it) also reports the Rollup version whose API it follows: its own is checked.
 */
export function versionProblem(meta: { rollupVersion: string }, peers: { rollup: string; rolldown: string }): ModspaceError | undefined {
  const rolldownVersion = (meta as { rolldownVersion?: string }).rolldownVersion
  const [bundler, version] = rolldownVersion === undefined ? (['rollup', meta.rollupVersion] as const) : (['rolldown', rolldownVersion] as const)
  const range = peers[bundler]
  if (semver.satisfies(version, range)) return undefined
  return new ModspaceError(ErrorCodes.UNSUPPORTED_BUNDLER, `@modspace/rollup-plugin needs ${bundler} ${range}, but this is ${bundler} ${version}.`, {
    expected: `${bundler} ${range}`,
    fix: `install a ${bundler} in that range`,
  })
}
