import type { CAC } from 'cac'
import { checkGraph } from '../report/check-graph.js'
import { toJson, type CliContext } from './cli-context.js'

export function registerCheck(cli: CAC, ctx: CliContext): void {
  cli
    .command('check', 'validate the config and report what would fail, without running anything')
    .option('--json', 'print the problems (or the config error) as JSON')
    .action((options: { json?: boolean; config?: string }) =>
      ctx.setAction(async () => {
        const { io, c } = ctx
        const graph = await ctx.open(options.config)
        const problems = checkGraph(graph)
        const errors = problems.filter((p) => p.severity === 'error').length
        if (options.json) {
          io.stdout(toJson({ problems }))
        } else {
          for (const p of problems) {
            io.stdout(`${p.severity === 'error' ? c.red('error') : c.yellow('warning')} ${p.message.split('\n').join('\n  ')}`)
          }
          const spaces = graph.spaces.size - 1
          io.stdout(errors ? c.red(`✗ ${errors} error(s), ${problems.length - errors} warning(s)`) : c.green(`✓ ${spaces} space(s) checked, ${problems.length} warning(s), no errors`))
        }
        return errors ? 1 : 0
      }),
    )
}
