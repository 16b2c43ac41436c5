import commonjsModule from '@rollup/plugin-commonjs'
import { nodeResolve } from '@rollup/plugin-node-resolve'
import modspace, { type ModspaceRollupOptions } from '@modspace/rollup-plugin'
import { rollup, type OutputOptions, type RollupOutput } from 'rollup'

// The package's types describe a CommonJS default export that NodeNext resolution sees as the module itself.
export const commonjs = ((commonjsModule as { default?: unknown }).default ?? commonjsModule) as unknown as typeof commonjsModule.default

/** One real build with the built plugin, in the plugin order the README gives, written to `dir`. */
export async function buildWithPlugin(
  input: Record<string, string> | string[],
  options: ModspaceRollupOptions,
  output: OutputOptions & { dir: string },
): Promise<RollupOutput> {
  const bundle = await rollup({
    input,
    plugins: [commonjs(), modspace(options), nodeResolve()],
    onLog: () => {},
  })
  try {
    return await bundle.write({ format: 'es', ...output })
  } finally {
    await bundle.close()
  }
}
