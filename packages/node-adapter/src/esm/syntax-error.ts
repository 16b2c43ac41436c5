import { spawnSync } from 'node:child_process'
import { pathToFileURL } from 'node:url'
import type { CompiledFile } from '../compile-cache.js'

/** Where V8 puts a syntax error: its message, the line number, the line and the caret line under it. */
interface Report {
  message: string
  line: number
  text: string
  caret: string
}

/** One answer per version of a file: a module that fails is often imported again. */
const reports = new WeakMap<CompiledFile, Report | null>()

/**
 * The `SyntaxError` of an ES module that does not compile, as Node reports it: V8's own message, word for word, and
 * the stack headed by `file:///…:line`, the offending line and a caret under the error (Node prints that head for an
 * uncaught module error; for CommonJS it is in `error.stack` too). V8 parses a module goal only through
 * `vm.SourceTextModule`, which needs a flag, so the file is given to `node --check --input-type=module` once (a
 * child process, on this failure path only). Where that cannot run, the parser's own error is given the same head,
 * from its position.
 */
export function moduleSyntaxError(entry: CompiledFile, source: string, parserError: Error): Error {
  let report = reports.get(entry)
  if (report === undefined) {
    report = checkWithV8(source)
    reports.set(entry, report)
  }
  report ??= fromParser(source, parserError)
  if (!report) return parserError
  const error = new SyntaxError(report.message)
  error.stack = `${pathToFileURL(entry.file).href}:${report.line}\n${report.text}\n${report.caret}\n\n${error.stack}`
  return error
}

function checkWithV8(source: string): Report | null {
  const env = { ...process.env }
  // Preloads and loader hooks of this process have no business in a syntax check.
  delete env.NODE_OPTIONS
  let stderr: string
  try {
    const result = spawnSync(process.execPath, ['--check', '--input-type=module', '--no-warnings'], { input: source, encoding: 'utf8', env, timeout: 20_000 })
    if (result.status === 0 || typeof result.stderr !== 'string') return null
    stderr = result.stderr
  } catch {
    return null
  }
  // `[stdin]:3`, the line, the caret line, an empty line, then `SyntaxError: message`.
  const lines = stderr.split('\n')
  const at = /^\[stdin\]:(\d+)$/.exec(lines[0] ?? '')
  const message = lines.slice(4).find((line) => line.startsWith('SyntaxError: '))
  if (!at || message === undefined) return null
  return { message: message.slice('SyntaxError: '.length), line: Number(at[1]), text: lines[1] ?? '', caret: lines[2] ?? '' }
}

/** rollup's parser gives an offset (`pos`): enough for the line and a caret. */
function fromParser(source: string, error: Error): Report | null {
  const pos = (error.cause as { pos?: unknown } | undefined)?.pos ?? (error as { pos?: unknown }).pos
  if (typeof pos !== 'number') return null
  const start = source.lastIndexOf('\n', pos - 1) + 1
  const end = source.indexOf('\n', pos)
  const text = source.slice(start, end === -1 ? undefined : end)
  const line = source.slice(0, start).split('\n').length
  const message = error.message.replace(/ \(in .*\)$/s, '')
  return { message, line, text, caret: `${' '.repeat(pos - start)}^` }
}
