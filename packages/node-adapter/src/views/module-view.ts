import { join, isAbsolute } from 'node:path'
import { fileURLToPath } from 'node:url'
import { ErrorCodes, ModspaceError } from '@modspace/core'
import { SpaceModule } from '../cjs/space-module.js'
import { hostRequire } from '../host-modules.js'
import type { ModuleSpace } from '../module-space.js'
import { ownerSpace } from './owner-space.js'

type HostModuleClass = typeof import('node:module')
const HostModule = hostRequire('node:module') as HostModuleClass

/** Something Node accepts as a parent module: we only read its file name. */
type ParentLike = { filename?: string | null; id?: string } | null | undefined

/**
 * `node:module` as code in `space` sees it: Node's `Module` class and its statics, except the doors into the loader,
 * which lead to the space. `createRequire`, `_load` and `_resolveFilename` load and resolve through the space that owns
 * the file they start from (overrides and blocks included), `_cache` is the space's `require.cache`, and `new
 * Module(...)`'s `require` loads through the space. What does not load (`builtinModules`, `isBuiltin`, `wrap`, source
 * maps, the compile cache) is Node's own. `register` and `registerHooks` refuse: they would change the host's loader.
 */
export function createModuleView(space: ModuleSpace): HostModuleClass {
  class Module extends (HostModule as unknown as new (id?: string, parent?: unknown) => object) {
    /** `module instanceof Module` holds for the space's own modules too, as it does in Node for every module. */
    static [Symbol.hasInstance](value: unknown): boolean {
      return value instanceof SpaceModule || Function.prototype[Symbol.hasInstance].call(this, value)
    }

    /** What `Module.prototype._compile` hands the module it compiles as `require` calls this. */
    require(this: { filename?: string | null; id?: string }, id: string): unknown {
      hostValidateString(id)
      return loadFrom(space, this, id)
    }
  }
  const view = Module as unknown as HostModuleClass
  for (const key of Object.getOwnPropertyNames(HostModule)) {
    if (key === 'length' || key === 'name' || key === 'prototype') continue
    Object.defineProperty(view, key, Object.getOwnPropertyDescriptor(HostModule, key)!)
  }
  const own: Record<string, unknown> = {
    Module: view,
    _cache: space.requireCache,
    createRequire: (fileOrUrl: string | URL) => createRequire(space, fileOrUrl),
    _load: (request: string, parent?: ParentLike) => loadFrom(space, parent, request),
    _resolveFilename: (request: string, parent?: ParentLike) => {
      const from = fileOf(parent)
      return (from ? ownerSpace(space, from) : space).resolveId(from, request, 'require')
    },
    findPackageJSON: (specifier: string | URL, base?: string | URL) => findPackageJson(space, specifier, base),
    register: () => {
      throw hookError(space, 'register')
    },
    registerHooks: () => {
      throw hookError(space, 'registerHooks')
    },
  }
  for (const [key, value] of Object.entries(own)) {
    Object.defineProperty(view, key, { value, writable: true, enumerable: true, configurable: true })
  }
  return view
}

/** `createRequire(fileOrUrl)`: Node's checks and errors, then a `require` of a module at that path in its owner space. */
function createRequire(space: ModuleSpace, fileOrUrl: string | URL): NodeJS.Require {
  // Node's own validation gives Node's errors for a relative path, a non-file URL or a wrong type.
  HostModule.createRequire(fileOrUrl)
  const path = typeof fileOrUrl === 'string' && isAbsolute(fileOrUrl) ? fileOrUrl : fileURLToPath(fileOrUrl)
  // As Node: a path ending in a separator is a folder, and requests resolve from a file inside it.
  const file = /[/\\]$/.test(path) ? join(path, 'noop.js') : path
  return new SpaceModule(file, undefined, ownerSpace(space, file)).require
}

function loadFrom(space: ModuleSpace, parent: ParentLike, request: string): unknown {
  const from = fileOf(parent)
  const owner = from ? ownerSpace(space, from) : space
  return owner.requireFrom(from, parent instanceof SpaceModule && owner.requireCache[parent.filename] === parent ? parent : undefined, request)
}

function fileOf(parent: ParentLike): string | undefined {
  const file = parent?.filename ?? parent?.id
  return typeof file === 'string' && isAbsolute(file) ? file : undefined
}

/**
 * `findPackageJSON`: for a bare specifier, the package.json of the package the space resolves it to (Node would find
 * the host's); a path or URL is Node's answer, which depends on no loader.
 */
function findPackageJson(space: ModuleSpace, specifier: string | URL, base?: string | URL): string | undefined {
  const text = String(specifier)
  const bare = typeof specifier === 'string' && !/^(?:[./]|[a-z][a-z0-9+.-]*:)/i.test(text)
  if (!bare || base === undefined) return HostModule.findPackageJSON(specifier, base)
  const importer = String(base).startsWith('file:') ? fileURLToPath(base) : String(base)
  const owner = ownerSpace(space, importer)
  // resolveId first: it answers live overrides and throws for a blocked import, as a require would.
  if (!isAbsolute(owner.resolveId(importer, text, 'import'))) return undefined
  const found = space.runtime.graph.resolve({ space: owner.name, specifier: text, importer, kind: 'import' })
  return found.package ? join(found.package.root, 'package.json') : HostModule.findPackageJSON(found.id)
}

function hookError(space: ModuleSpace, name: 'register' | 'registerHooks'): ModspaceError {
  return new ModspaceError(ErrorCodes.HOST_LOADER_HOOK, `module.${name}() was called from space "${space.name}": it would change the host's loader, for the host and every space, and a space's modules do not load through it.`, {
    space: space.name,
    expected: 'loader hooks registered by the host, before any space is created',
    fix: `call module.${name}() in the host (its hooks apply to root's modules), or use the space's config overrides or space.override() for what the hooks did`,
  })
}

function hostValidateString(id: unknown): void {
  if (typeof id !== 'string' || id === '') hostRequire(id as string)
}
