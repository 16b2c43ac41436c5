import { createRequire } from 'node:module'
import type EnhancedResolve from 'enhanced-resolve'
import { isInside } from './specifier.js'
import type { MemoHost } from './memo-host.js'

/**
 * Node's own resolution inside one space, delegated to enhanced-resolve (webpack's resolver): it implements
 * `exports`/`imports` with conditions, `main`, extensions and directory indexes and self-reference, it runs
 * synchronously, and, unlike the native resolvers, it reads files through a file system we pass in. That last point is
 * what lets the core stay pure over `ModspaceHost`, and what lets us bound a space: the file system a space's resolver
 * sees hides every `node_modules` folder above the space's root.
 */
export interface FileResolverOptions {
  /** Hide `node_modules` folders of the strict ancestors of this folder. `undefined`: unbounded (the host). */
  bound: string | undefined
  conditions: readonly string[]
  fullySpecified: boolean
}

export interface FileResolution {
  path: string | undefined
  /** Why the resolver failed, when it failed for a reason other than "nothing there" (an `exports` refusal). */
  reason?: string
}

/** The extensions Node's CommonJS resolution tries, in its order (the relative fast path in resolve-graph tries the same). */
export const EXTENSIONS = ['.js', '.json', '.node'] as const

type Factory = typeof EnhancedResolve.ResolverFactory
type Resolver = ReturnType<Factory['createResolver']>

let factory: Factory | undefined
/**
 * enhanced-resolve, loaded on the first request the plain lookups (node-lookup) leave to it: with its plugins and
 * tapable it is ~20 ms of CPU at a process's start, and in most trees few requests, or none, need it.
 */
function resolverFactory(): Factory {
  return (factory ??= (createRequire(import.meta.url)('enhanced-resolve') as typeof EnhancedResolve).ResolverFactory)
}

export class FileResolvers {
  readonly #host: MemoHost
  readonly #resolvers = new Map<string, Resolver>()

  constructor(host: MemoHost) {
    this.#host = host
  }

  resolve(options: FileResolverOptions, fromDir: string, request: string): FileResolution {
    const resolver = this.#resolverFor(options)
    try {
      const path = resolver.resolveSync({}, fromDir, request)
      // One memoised realpath of the answer instead of enhanced-resolve's symlink walk, which reads a link (an lstat
      // each) for every folder of every answer: the largest file-system cost of a cold resolution.
      return { path: path === false ? undefined : (this.#host.realpath(path) ?? path) }
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error)
      // enhanced-resolve's "Can't resolve" just means not found; anything else (exports refusals) is worth showing.
      const reason = /not exported|is not defined|Invalid|not a valid/i.test(message) ? firstLine(message) : undefined
      return reason ? { path: undefined, reason } : { path: undefined }
    }
  }

  #resolverFor(options: FileResolverOptions): Resolver {
    const key = `${options.bound ?? ''}\0${options.conditions.join(',')}\0${options.fullySpecified}`
    let resolver = this.#resolvers.get(key)
    if (!resolver) {
      resolver = resolverFactory().createResolver({
        fileSystem: toResolverFileSystem(this.#host, options.bound) as any,
        useSyncFileSystemCalls: true,
        conditionNames: [...options.conditions],
        extensions: [...EXTENSIONS],
        mainFields: ['main'],
        mainFiles: ['index'],
        exportsFields: ['exports'],
        importsFields: ['imports'],
        aliasFields: [],
        modules: ['node_modules'],
        // Answers are made real by one realpath each in resolve(), cheaper than the resolver's own link walk.
        symlinks: false,
        fullySpecified: options.fullySpecified,
        // Safe for the same reason the memo host is: the tree is taken as fixed until clearCache(). It is what
        // makes a second space over the same root cheap.
        unsafeCache: true,
        roots: [],
      })
      this.#resolvers.set(key, resolver)
    }
    return resolver
  }

  clear(): void {
    this.#resolvers.clear()
  }

  /** Drops the resolvers (and what their caches hold) of the spaces bounded at one of `bounds`. */
  forget(bounds: ReadonlySet<string>): void {
    for (const key of this.#resolvers.keys()) if (bounds.has(key.slice(0, key.indexOf('\0')))) this.#resolvers.delete(key)
  }
}

function firstLine(text: string): string {
  return text.split('\n')[0]!.trim()
}

/**
 * True when `path` lies outside `bound` and goes through a `node_modules` folder that belongs to a strict ancestor of
 * `bound`. Everything inside `bound` is visible, even when `bound` itself lies in a `node_modules` folder (a plugin
 * installed as a package): its own nested `node_modules` are its dependencies.
 */
export function isAboveBound(path: string, bound: string): boolean {
  if (isInside(path, bound)) return false
  let from = 0
  for (;;) {
    const at = path.indexOf('/node_modules', from)
    if (at === -1) return false
    const owner = at === 0 ? '/' : path.slice(0, at)
    if (owner !== bound && isInside(bound, owner)) return true
    from = at + 1
  }
}

// enhanced-resolve asks about many paths that do not exist; only `code` is read from these errors, and capturing a
// stack for each one was the largest single cost of a cold resolution.
function fsError(code: 'ENOENT', path: string): NodeJS.ErrnoException {
  const error = Object.create(Error.prototype) as NodeJS.ErrnoException
  error.code = code
  error.message = `${code}: ${path}`
  return error
}

/** Node's sync `fs` shape, as enhanced-resolve calls it, over a memoised host, optionally bounded. */
function toResolverFileSystem(host: MemoHost, bound: string | undefined) {
  const hidden = (path: string) => bound !== undefined && isAboveBound(path, bound)
  const statSync = (path: string) => {
    const stat = hidden(path) ? undefined : host.stat(path)
    if (!stat) throw fsError('ENOENT', path)
    return { isFile: () => stat.isFile, isDirectory: () => stat.isDirectory, isSymbolicLink: () => false }
  }
  return {
    statSync,
    lstatSync: statSync,
    readFileSync(path: string) {
      const text = hidden(path) ? undefined : host.readFile(path)
      if (text === undefined) throw fsError('ENOENT', path)
      return text
    },
    readJsonSync(path: string) {
      const data = hidden(path) ? undefined : host.readJson(path)
      if (data === undefined) throw fsError('ENOENT', path)
      return data
    },
    readdirSync(path: string) {
      const names = hidden(path) ? undefined : host.readdir(path)
      if (!names) throw fsError('ENOENT', path)
      return names
    },
    realpathSync(path: string) {
      const real = hidden(path) ? undefined : host.realpath(path)
      if (real === undefined) throw fsError('ENOENT', path)
      return real
    },
  }
}
