import { resolve as resolvePath } from 'node:path'
import pc from 'picocolors'
import { loadConfig } from '../config/load-config.js'
import { createGraph, type SpaceGraph } from '../space-graph.js'

export interface CliIo {
  stdout: (text: string) => void
  stderr: (text: string) => void
  color: boolean
  cwd: string
}

/** What every command gets: the output, the colours, the graph of `--config`, and where to put its action. */
export interface CliContext {
  io: CliIo
  c: ReturnType<typeof pc.createColors>
  /** Loads the config of `--config` (default: the current folder) and builds its graph. */
  open: (config: string | undefined) => Promise<SpaceGraph>
  /** The matched command's work, run after parsing; resolves to the exit code. */
  setAction: (action: () => Promise<number>) => void
}

export function cliContext(io: CliIo, setAction: CliContext['setAction']): CliContext {
  return {
    io,
    c: pc.createColors(io.color),
    setAction,
    async open(config) {
      const { config: raw, file } = await loadConfig(resolvePath(io.cwd, config ?? '.'))
      // Warnings are printed from the results that carry them (explain, check), not as they are raised.
      return createGraph(raw, { configFile: file, onWarning: () => {} })
    },
  }
}

/** JSON as every `--json` answer prints it. */
export function toJson(value: unknown): string {
  return JSON.stringify(value, null, 2)
}
