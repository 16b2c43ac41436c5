import modspace, { type ModspaceRollupOptions } from '@modspace/rollup-plugin'
import { rolldown, type OutputOptions, type Plugin, type RolldownOutput } from 'rolldown'

/**
 * One real rolldown build with the built Rollup plugin, written to `dir`. rolldown resolves and reads CommonJS itself:
 * no node-resolve or commonjs plugin, and `platform: 'node'` so that builtins stay builtins.
 */
export async function buildWithRolldown(input: Record<string, string> | string[], options: ModspaceRollupOptions, output: OutputOptions & { dir: string }): Promise<RolldownOutput> {
  // The plugin is written against Rollup's types; rolldown takes Rollup plugins as they are.
  const bundle = await rolldown({ input, platform: 'node', plugins: [modspace(options) as unknown as Plugin], logLevel: 'silent' })
  try {
    return await bundle.write({ format: 'es', ...output })
  } finally {
    await bundle.close()
  }
}
