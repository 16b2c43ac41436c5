import { resolve as resolvePath } from 'node:path'
import type { CAC } from 'cac'
import { ModspaceError } from '../errors.js'
import { findInManifest, readManifest } from '../report/read-manifest.js'
import type { ResolveRequest } from '../resolve/types.js'
import type { SpaceGraph } from '../space-graph.js'
import { toJson, type CliContext } from './cli-context.js'
import { errorJson } from './error-json.js'
import { usageError } from './usage-error.js'

interface ExplainOptions {
  from?: string
  kind: string
  json?: boolean
  config?: string
  manifest?: string
}

export function registerExplain(cli: CAC, ctx: CliContext): void {
  cli
    .command('explain <space> <specifier>', 'every step of the decision for one import')
    .option('--from <file>', 'the importing file (default: the space root)')
    .option('--kind <kind>', 'import or require', { default: 'import' })
    .option('--json', 'print the result and trace (or the error) as JSON')
    .option('--manifest <file>', 'also say whether a build (its modspace-manifest.json) contains the module')
    .action((space: string, specifier: string, options: ExplainOptions) => ctx.setAction(() => explain(ctx, String(space), String(specifier), options)))
}

async function explain(ctx: CliContext, space: string, specifier: string, options: ExplainOptions): Promise<number> {
  const { io, c } = ctx
  if (options.kind !== 'import' && options.kind !== 'require') {
    throw usageError(`--kind must be "import" or "require", not ${JSON.stringify(String(options.kind))}.`, { expected: '"import" or "require"', fix: 'pass --kind import or --kind require' })
  }
  const graph = await ctx.open(options.config)
  graph.space(space)
  const request: ResolveRequest = { space, specifier, kind: options.kind, ...(options.from ? { importer: importerFile(graph, io.cwd, options.from) } : {}) }
  if (options.json) {
    try {
      io.stdout(toJson(graph.resolve(request)))
      return 0
    } catch (error) {
      if (!(error instanceof ModspaceError)) throw error
      io.stdout(toJson({ ...errorJson(error), trace: error.trace ?? [] }))
      return 1
    }
  }
  io.stdout(graph.explain(request, { color: io.color }))
  let result
  try {
    result = graph.resolve(request)
  } catch {
    return 1
  }
  if (!options.manifest) return 0
  const manifest = readManifest(resolvePath(io.cwd, options.manifest))
  const found = findInManifest(manifest, graph.config.baseDir, result)
  io.stdout(found
    ? c.green(`✓ the ${manifest.bundler} build holds this module as an instance of "${result.space}"`)
    : c.yellow(`✗ the ${manifest.bundler} build holds no instance of this module owned by "${result.space}"`))
  return found ? 0 : 1
}

/** `--from`, made absolute; a file that is not there would only give a puzzling "not found" for the specifier. */
function importerFile(graph: SpaceGraph, cwd: string, from: string): string {
  const file = resolvePath(cwd, from)
  const stat = graph.host.stat(file)
  if (!stat?.isFile) {
    throw usageError(`the importer ${file} ${stat ? 'is a folder, not a file' : 'does not exist'}.`, {
      file,
      expected: 'the path of an existing file, relative to the current folder',
      fix: 'correct the --from path, or leave --from out to resolve from the space root',
    })
  }
  return file
}
