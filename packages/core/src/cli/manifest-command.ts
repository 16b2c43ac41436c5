import { resolve as resolvePath } from 'node:path'
import type { CAC } from 'cac'
import { formatManifest, readManifest } from '../report/read-manifest.js'
import { toJson, type CliContext } from './cli-context.js'

export function registerManifest(cli: CAC, ctx: CliContext): void {
  cli
    .command('manifest <file>', 'what a build put where: the modules of a modspace-manifest.json, by space')
    .option('--space <space>', 'only this space')
    .option('--json', 'print it (or the error) as JSON')
    .action((file: string, options: { space?: string; json?: boolean }) =>
      ctx.setAction(async () => {
        const manifest = readManifest(resolvePath(ctx.io.cwd, String(file)))
        ctx.io.stdout(options.json ? toJson(manifest) : formatManifest(manifest, options.space))
        return 0
      }),
    )
}
