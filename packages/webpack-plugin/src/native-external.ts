import type { Compiler, ExternalModule } from 'webpack'

/**
 * A pinned native module for a Node bundle: an external `require()` of its real path. Node's own module cache then
 * loads it once per process whichever space asked, which is what pinning promises ("Module did not self-register"
 * is what a second load of a legacy addon gives). The path is absolute: the bundle runs beside the installed addon.
 */
export function nativeExternal(compiler: Compiler, file: string, esmOutput: boolean): ExternalModule {
  const { ExternalModule: External } = compiler.webpack
  return new External(file, esmOutput ? 'node-commonjs' : 'commonjs', file)
}
