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
