import { readFileSync } from 'node:fs'
import { cac } from 'cac'
import { ErrorCodes, ModspaceError } from '../errors.js'
import { registerCheck } from './check-command.js'
import { cliContext, toJson, type CliIo } from './cli-context.js'
import { errorJson } from './error-json.js'
import { registerExplain } from './explain-command.js'
import { formatHelp, helpJson } from './format-help.js'
import { registerGraph } from './graph-command.js'
import { registerManifest } from './manifest-command.js'
import { usageError } from './usage-error.js'

export type { CliIo } from './cli-context.js'

/**
 * The `modspace` command, testable: returns the exit code instead of exiting. With `--json` (or `graph --format
 * json`), every answer is JSON on stdout, errors included: `{ "error": { code, message, ... } }` and a non-zero exit.
 */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const cli = cac('modspace')
  let action: (() => Promise<number>) | undefined
  const ctx = cliContext(io, (a) => (action = a))
  cli.option('-c, --config <path>', 'config file or folder (default: the current folder)')
  registerExplain(cli, ctx)
  registerGraph(cli, ctx)
  registerCheck(cli, ctx)
  registerManifest(cli, ctx)
  // Declared as plain options, not with cli.help()/cli.version(), which print through console.
  cli.option('-h, --help', 'display this message')
  cli.option('-v, --version', 'display the version number')

  const json = wantsJson(argv)
  try {
    cli.parse(['node', 'modspace', ...argv], { run: false })
    if (cli.options.version) {
      io.stdout(json ? toJson({ version: packageVersion() }) : packageVersion())
      return 0
    }
    if (cli.options.help) {
      io.stdout(json ? toJson(helpJson(cli, packageVersion())) : formatHelp(cli, packageVersion()))
      return 0
    }
    if (cli.matchedCommand) cli.runMatchedCommand()
    if (!action) {
      throw usageError(argv.length ? `unknown command: ${argv[0]}` : 'a command is needed', {
        expected: `one of: ${cli.commands.map((c) => c.name).join(', ')}`,
        fix: 'run modspace --help for the commands',
      })
    }
    return await action()
  } catch (thrown) {
    const error = thrown instanceof Error && thrown.name === 'CACError' ? usageError(thrown.message) : thrown
    if (!(error instanceof ModspaceError)) throw error
    const exitCode = error.code === ErrorCodes.USAGE ? 2 : 1
    if (json) {
      io.stdout(toJson(errorJson(error)))
    } else {
      io.stderr(ctx.c.red(error.message))
      if (error.code === ErrorCodes.USAGE && !cli.matchedCommand) io.stderr(formatHelp(cli, packageVersion()))
    }
    return exitCode
  }
}

/** `--json` anywhere, or `--format json`: read from the raw arguments, so that even a command line cac refuses gets JSON. */
function wantsJson(argv: readonly string[]): boolean {
  return argv.some((arg, i) => arg === '--json' || arg === '--format=json' || (arg === '--format' && argv[i + 1] === 'json'))
}

/** The version in this package's package.json (two folders up from both src/cli and dist/cli). */
function packageVersion(): string {
  return (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version
}
