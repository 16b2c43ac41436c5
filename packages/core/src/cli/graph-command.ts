import type { CAC } from 'cac'
import { formatGraph, GRAPH_FORMATS, type GraphFormat } from '../report/format-graph.js'
import type { CliContext } from './cli-context.js'
import { usageError } from './usage-error.js'

export function registerGraph(cli: CAC, ctx: CliContext): void {
  cli
    .command('graph', 'the space tree: roots, delegation, shared, isolated, overrides')
    .option('--json', 'print the tree as JSON (the same as --format json)')
    .option('--format <format>', `one of ${GRAPH_FORMATS.join(', ')}`, { default: 'text' })
    .action((options: { format: string; json?: boolean; config?: string }) =>
      ctx.setAction(async () => {
        const format = options.json ? 'json' : String(options.format)
        if (!GRAPH_FORMATS.includes(format as GraphFormat)) {
          throw usageError(`unknown format ${JSON.stringify(format)}.`, { expected: GRAPH_FORMATS.join(', '), fix: 'pass --format text, mermaid, dot or json (or --json)' })
        }
        const graph = await ctx.open(options.config)
        ctx.io.stdout(formatGraph(graph.config, format as GraphFormat, { color: ctx.io.color }))
        return 0
      }),
    )
}
