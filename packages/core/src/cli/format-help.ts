import type { CAC } from 'cac'

/**
 * The help text for the matched command (or for all of them), laid out as cac lays it out. Built here rather than
 * printed by cac, which writes straight to `console`: the CLI's output must go through its own `stdout`.
 */
export function formatHelp(cli: CAC, version: string): string {
  const command = cli.matchedCommand
  const sections = [`${cli.name}/${version}`, `Usage:\n  $ ${cli.name} ${command ? command.rawName : '<command> [options]'}`]
  if (!command) {
    sections.push(`Commands:\n${table(cli.commands.map((c) => [c.rawName, c.description]))}`)
    sections.push(`For more info, run any command with --help:\n${cli.commands.map((c) => `  $ ${cli.name} ${c.name} --help`).join('\n')}`)
  }
  const options = [...(command?.options ?? []), ...cli.globalCommand.options]
  const describe = (description: string, fallback: unknown) => (fallback === undefined ? description : `${description} (default: ${String(fallback)})`)
  sections.push(`Options:\n${table(options.map((o) => [o.rawName, describe(o.description, o.config.default)]))}`)
  return sections.join('\n\n')
}

function table(rows: Array<[string, string]>): string {
  const width = Math.max(...rows.map(([left]) => left.length))
  return rows.map(([left, right]) => `  ${left.padEnd(width)}  ${right}`).join('\n')
}

/** The same help as data, for a `--json` run: the matched command (or every command) with its options. */
export function helpJson(cli: CAC, version: string): Record<string, unknown> {
  const option = (o: CAC['globalCommand']['options'][number]) => ({
    name: o.rawName,
    description: o.description,
    ...(o.config.default === undefined ? {} : { default: o.config.default }),
  })
  const command = (c: CAC['commands'][number]) => ({ name: c.rawName, description: c.description, options: c.options.map(option) })
  const matched = cli.matchedCommand
  return {
    name: cli.name,
    version,
    ...(matched ? { command: command(matched) } : { commands: cli.commands.map(command) }),
    globalOptions: cli.globalCommand.options.map(option),
  }
}
