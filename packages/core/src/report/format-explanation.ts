import pc from 'picocolors'
import type { ModspaceError } from '../errors.js'
import type { ResolveRequest, ResolveResult } from '../resolve/types.js'

export interface ExplainOptions {
  /** Colours for a terminal. @default false */
  color?: boolean
}

/** The trace of one decision as text: the request, one numbered line per step, then the outcome or the error. */
export function formatExplanation(
  request: ResolveRequest,
  result: ResolveResult | undefined,
  error: ModspaceError | undefined,
  options: ExplainOptions,
): string {
  const c = pc.createColors(options.color ?? false)
  const trace = result?.trace ?? error?.trace ?? []
  const lines = [
    `${c.bold(JSON.stringify(request.specifier))} in space ${c.cyan(request.space)}${request.importer ? ` from ${request.importer}` : ''}`,
  ]
  trace.forEach((step, i) => {
    lines.push(`  ${c.dim(`${i + 1}.`)} ${c.magenta(`[${step.rule}]`)} ${c.cyan(step.space)}: ${step.message}`)
  })
  if (result) {
    const pkg = result.package ? ` (${result.package.name}@${result.package.version})` : ''
    lines.push(`${c.green('→')} owned by ${c.cyan(result.space)}: ${result.kind} ${result.id}${pkg}`)
    for (const warning of result.warnings ?? []) lines.push(`${c.yellow('warning:')} ${warning}`)
  } else if (error) {
    lines.push(`${c.red('✗')} ${error.message.split('\n').join('\n  ')}`)
  }
  return lines.join('\n')
}
