import { dirname, join, sep } from 'node:path'
import type { ModuleSpace } from '../module-space.js'
import { hostRequire } from '../host-modules.js'

/**
 * A CommonJS module of a space: the fields Node's `Module` has that modules read (`id`, `filename`, `exports`,
 * `loaded`, `children`, `paths`, `require`), with a `require` that resolves in the space that owns the module.
 */
export class SpaceModule {
  readonly id: string
  readonly filename: string
  readonly path: string
  exports: any = {}
  loaded = false
  readonly children: SpaceModule[] = []
  readonly parent: SpaceModule | undefined
  readonly require: NodeJS.Require
  readonly #space: ModuleSpace
  #paths: string[] | undefined

  /** `main`: the module `runMain` starts, `require.main` of the space from now on (its id is `.`, as in Node). */
  constructor(filename: string, parent: SpaceModule | undefined, space: ModuleSpace, main = false) {
    this.id = main ? '.' : filename
    if (main) space.mainModule = this
    this.filename = filename
    this.path = dirname(filename)
    this.parent = parent
    this.#space = space
    this.require = makeRequire(space, this)
  }

  /** Made when first read: few modules read it, and making it for each one was a measurable part of a cold load. */
  get paths(): string[] {
    return (this.#paths ??= nodeModulePaths(this.path, this.#space.root))
  }

  set paths(paths: string[]) {
    this.#paths = paths
  }

  static {
    // `module.constructor` is what `require('module')` gives, as in Node: the space's view of `Module`.
    Object.defineProperty(this.prototype, 'constructor', {
      get(this: SpaceModule) {
        return this.#space.moduleClass()
      },
      configurable: true,
    })
  }
}

/** The space-local `require` of one module: resolution, `require.cache`, `require.main` all describe the space. */
function makeRequire(space: ModuleSpace, module: SpaceModule): NodeJS.Require {
  const require = ((specifier: string) => space.requireFrom(module.filename, module, specifier)) as NodeJS.Require
  const resolve = ((specifier: string) => space.resolveId(module.filename, specifier, 'require')) as NodeJS.RequireResolve
  resolve.paths = (specifier: string) => (space.isBuiltin(specifier) ? null : module.paths)
  require.resolve = resolve
  require.cache = space.requireCache as unknown as NodeJS.Require["cache"]
  require.extensions = hostRequire.extensions
  // A plain value, as in Node (which copies process.mainModule when it makes a require): runMain sets the main module
  // before the main module's own require is made.
  require.main = space.mainModule as unknown as NodeJS.Module | undefined
  return require
}

/**
 * The `node_modules` folders a module of the space would search: from its folder up to the space's root and no
 * further, since the space never looks above its root (its parent's modules come by delegation).
 */
function nodeModulePaths(from: string, bound: string): string[] {
  const paths: string[] = []
  let dir = from
  const inside = from === bound || from.startsWith(bound + sep)
  for (;;) {
    if (!dir.endsWith(`${sep}node_modules`)) paths.push(join(dir, 'node_modules'))
    if (inside && dir === bound) break
    const up = dirname(dir)
    if (up === dir) break
    dir = up
  }
  return paths
}
