import { readFileSync } from 'node:fs'
import { resolve as resolvePath } from 'node:path'
import { cac } from 'cac'
import pc from 'picocolors'
import { loadConfig } from '../config/load-config.js'
import { ErrorCodes, ModspaceError } from '../errors.js'
import { checkGraph } from '../report/check-graph.js'
import { findInManifest, formatManifest, readManifest } from '../report/read-manifest.js'
import { formatGraph, GRAPH_FORMATS, type GraphFormat } from '../report/format-graph.js'
import { createGraph, type SpaceGraph } from '../space-graph.js'
import { formatHelp } from './format-help.js'

export interface CliIo {
  stdout: (text: string) => void
  stderr: (text: string) => void
  color: boolean
  cwd: string
}

/** The `modspace` command, testable: returns the exit code instead of exiting. */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const c = pc.createColors(io.color)
  const cli = cac('modspace')
  let exitCode = 0
  let action: (() => Promise<void>) | undefined

  const open = async (config: string | undefined): Promise<SpaceGraph> => {
    const { config: raw, file } = await loadConfig(resolvePath(io.cwd, config ?? '.'))
    // Warnings are printed from the results that carry them (explain, check), not as they are raised.
    return createGraph(raw, { configFile: file, onWarning: () => {} })
  }

  cli.option('-c, --config <path>', 'config file or folder (default: the current folder)')

  cli
    .command('explain <space> <specifier>', 'every step of the decision for one import')
    .option('--from <file>', 'the importing file (default: the space root)')
    .option('--kind <kind>', 'import or require', { default: 'import' })
    .option('--json', 'print the result and trace as JSON')
    .option('--manifest <file>', 'also say whether a build (its modspace-manifest.json) contains the module')
    .action((space: string, specifier: string, options: { from?: string; kind: string; json?: boolean; config?: string; manifest?: string }) => {
      action = async () => {
        if (options.kind !== 'import' && options.kind !== 'require') {
          throw new ModspaceError(ErrorCodes.CONFIG_INVALID, `--kind must be "import" or "require", not "${options.kind}".`, { fix: 'pass --kind import or --kind require' })
        }
        const graph = await open(options.config)
        const request = {
          space,
          specifier: String(specifier),
          kind: options.kind as 'import' | 'require',
          ...(options.from ? { importer: resolvePath(io.cwd, options.from) } : {}),
        }
        graph.space(space)
        if (options.json) {
          try {
            io.stdout(JSON.stringify(graph.resolve(request), null, 2))
          } catch (error) {
            if (!(error instanceof ModspaceError)) throw error
            io.stdout(JSON.stringify({ error: { code: error.code, message: error.message }, trace: error.trace ?? [] }, null, 2))
            exitCode = 1
          }
          return
        }
        io.stdout(graph.explain(request, { color: io.color }))
        let result
        try {
          result = graph.resolve(request)
        } catch {
          exitCode = 1
          return
        }
        if (options.manifest) {
          const manifest = readManifest(resolvePath(io.cwd, options.manifest))
          const found = findInManifest(manifest, graph.config.baseDir, result)
          io.stdout(found
            ? c.green(`✓ the ${manifest.bundler} build holds this module as an instance of "${result.space}"`)
            : c.yellow(`✗ the ${manifest.bundler} build holds no instance of this module owned by "${result.space}"`))
          if (!found) exitCode = 1
        }
      }
    })

  cli
    .command('graph', 'the space tree: roots, delegation, shared, isolated, overrides')
    .option('--format <format>', `one of ${GRAPH_FORMATS.join(', ')}`, { default: 'text' })
    .option('--manifest <file>', 'svg and html: also draw what each space owns in that build')
    .action((options: { format: string; config?: string; manifest?: string }) => {
      action = async () => {
        if (!GRAPH_FORMATS.includes(options.format as GraphFormat)) {
          throw new ModspaceError(ErrorCodes.CONFIG_INVALID, `unknown format "${options.format}".`, { expected: GRAPH_FORMATS.join(', '), fix: `pass --format ${GRAPH_FORMATS.join(', ')}` })
        }
        const graph = await open(options.config)
        const manifest = options.manifest ? { manifest: readManifest(resolvePath(io.cwd, options.manifest)) } : {}
        io.stdout(formatGraph(graph.config, options.format as GraphFormat, { color: io.color, ...manifest }))
      }
    })

  cli
    .command('check', 'validate the config and report what would fail, without running anything')
    .option('--json', 'print the problems as JSON')
    .action((options: { json?: boolean; config?: string }) => {
      action = async () => {
        const graph = await open(options.config)
        const problems = checkGraph(graph)
        const errors = problems.filter((p) => p.severity === 'error').length
        if (options.json) io.stdout(JSON.stringify({ problems }, null, 2))
        else {
          for (const p of problems) {
            io.stdout(`${p.severity === 'error' ? c.red('error') : c.yellow('warning')} ${p.message.split('\n').join('\n  ')}`)
          }
          const spaces = graph.spaces.size - 1
          io.stdout(errors ? c.red(`✗ ${errors} error(s), ${problems.length - errors} warning(s)`) : c.green(`✓ ${spaces} space(s) checked, ${problems.length} warning(s), no errors`))
        }
        if (errors) exitCode = 1
      }
    })

  cli
    .command('manifest <file>', 'what a build put where: the modules of a modspace-manifest.json, by space')
    .option('--space <space>', 'only this space')
    .option('--json', 'print it as JSON')
    .action((file: string, options: { space?: string; json?: boolean }) => {
      action = async () => {
        const manifest = readManifest(resolvePath(io.cwd, file))
        io.stdout(options.json ? JSON.stringify(manifest, null, 2) : formatManifest(manifest, options.space))
      }
    })

  // Declared as plain options, not with cli.help()/cli.version(), which print through console.
  cli.option('-h, --help', 'display this message')
  cli.option('-v, --version', 'display the version number')

  try {
    cli.parse(['node', 'modspace', ...argv], { run: false })
    if (cli.options.version) {
      io.stdout(packageVersion())
      return 0
    }
    if (cli.options.help) {
      io.stdout(formatHelp(cli, packageVersion()))
      return 0
    }
    if (cli.matchedCommand) cli.runMatchedCommand()
    if (!action) {
      io.stderr(argv.length ? `unknown command: ${argv[0]}` : 'a command is needed')
      io.stderr(formatHelp(cli, packageVersion()))
      return 2
    }
    await action()
    return exitCode
  } catch (error) {
    if (error instanceof ModspaceError) {
      io.stderr(c.red(error.message))
      return 1
    }
    if (error instanceof Error && error.name === 'CACError') {
      io.stderr(`${error.message}\nrun modspace --help for usage`)
      return 2
    }
    throw error
  }
}

/** The version in this package's package.json (two folders up from both src/cli and dist/cli). */
function packageVersion(): string {
  return (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version
}
