import { resolve as resolvePath } from 'node:path'
import type { CAC } from 'cac'
import { readManifest } from '../report/read-manifest.js'
import { formatGraph, GRAPH_FORMATS, type GraphFormat } from '../report/format-graph.js'
import type { CliContext } from './cli-context.js'
import { usageError } from './usage-error.js'

export function registerGraph(cli: CAC, ctx: CliContext): void {
  cli
    .command('graph', 'the space tree: roots, delegation, shared, isolated, overrides')
    .option('--json', 'print the tree as JSON (the same as --format json)')
    .option('--format <format>', `one of ${GRAPH_FORMATS.join(', ')}`, { default: 'text' })
    .option('--manifest <file>', 'svg and html: also draw what each space owns in that build')
    .action((options: { format: string; json?: boolean; config?: string; manifest?: string }) =>
      ctx.setAction(async () => {
        const format = options.json ? 'json' : String(options.format)
        if (!GRAPH_FORMATS.includes(format as GraphFormat)) {
          throw usageError(`unknown format ${JSON.stringify(format)}.`, { expected: GRAPH_FORMATS.join(', '), fix: `pass --format ${GRAPH_FORMATS.join(', ')} (or --json)` })
        }
        const graph = await ctx.open(options.config)
        const manifest = options.manifest ? { manifest: readManifest(resolvePath(ctx.io.cwd, options.manifest)) } : {}
        ctx.io.stdout(formatGraph(graph.config, format as GraphFormat, { color: ctx.io.color, ...manifest }))
        return 0
      }),
    )
}
