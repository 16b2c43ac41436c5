import { execFileSync, spawnSync } from 'node:child_process'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { ModuleSpace } from '../src/index.js'

/**
 * A fixture script loads modules the way real code does and exports (as `default`, possibly a promise) what it saw as
 * data. `native` runs it through Node's own loader in a child process (Node 24, as the tests run); `inSpace` as the
 * entry of a fresh space rooted at `root`. Parity is the two giving the same data.
 */
export function native(root: string, file: string, flags: string[] = []): unknown {
  const script = `const m = await import(${JSON.stringify(pathToFileURL(join(root, file)).href)}); console.log(JSON.stringify(await m.default))`
  return JSON.parse(execFileSync(process.execPath, [...flags, '--input-type=module', '-e', script], { encoding: 'utf8' }))
}

export async function inSpace(root: string, file: string): Promise<unknown> {
  const space = new ModuleSpace({ parent: undefined, root, delegation: 'self-first' })
  try {
    return JSON.parse(JSON.stringify(await (await space.import(`./${file}`)).default))
  } finally {
    await space.dispose()
  }
}

/**
 * `inSpace` in a child process of its own, on the built adapter: for what the test runner's process changes (its own
 * `Error.prepareStackTrace` formats stacks) or has already done (warnings Node emits once per process).
 */
export function inSpaceProcess(root: string, file: string, flags: string[] = []): { data: unknown; stderr: string } {
  const adapter = pathToFileURL(join(import.meta.dirname, '../dist/index.js')).href
  const script = [
    `const { ModuleSpace } = await import(${JSON.stringify(adapter)})`,
    `const space = new ModuleSpace({ parent: undefined, root: ${JSON.stringify(root)}, delegation: 'self-first' })`,
    `console.log(JSON.stringify(await (await space.import(${JSON.stringify(`./${file}`)})).default))`,
  ].join('\n')
  const { stdout, stderr } = spawnSync(process.execPath, [...flags, '--input-type=module', '-e', script], { encoding: 'utf8' })
  return { data: JSON.parse(stdout), stderr }
}
