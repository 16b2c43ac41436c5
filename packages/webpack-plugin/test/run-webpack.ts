import { createRequire } from 'node:module'
import { join } from 'node:path'
import webpack, { type Configuration, type Stats } from 'webpack'

/** Runs one real webpack build; resolves with the stats (errors included), rejects only when webpack itself fails. */
export function runWebpack(config: Configuration): Promise<Stats> {
  return new Promise((resolve, reject) => {
    const compiler = webpack(config)
    compiler.run((error, stats) => {
      compiler.close(() => (error || !stats ? reject(error ?? new Error('webpack returned no stats')) : resolve(stats)))
    })
  })
}

/** The messages of a build's errors, with their details (a ModspaceError's message is in them). */
export function errorMessages(stats: Stats): string[] {
  return stats.compilation.errors.map((e) => `${e.message}\n${(e as { details?: string }).details ?? ''}`)
}

/** A Node build of `entry` into `outDir` that shares one runtime, so that entries loaded in one process share modules; `more` replaces whole options. */
export function nodeBuild(context: string, outDir: string, entry: Configuration['entry'], more: Configuration = {}): Configuration {
  return {
    context,
    mode: 'development',
    target: 'node',
    devtool: false,
    entry,
    output: { path: outDir, filename: '[name].js', chunkFilename: 'chunks/[name].js', library: { type: 'commonjs2' } },
    optimization: { runtimeChunk: 'single' },
    infrastructureLogging: { level: 'error' },
    ...more,
  }
}

const require = createRequire(import.meta.url)

/** Executes a built entry in this process (Node's require: the bundle's own runtime, no vitest in between). */
export function loadEntry(outDir: string, name: string): Record<string, any> {
  return require(join(outDir, `${name}.js`))
}
