import { basename, dirname, resolve as resolvePath, sep } from 'node:path'

/**
 * Pure specifier math. Invariants: `parseBareSpecifier(s).name + subpath === s` for every bare `s`; a specifier is
 * exactly one of relative, absolute, subpath-import (`#x`), URL or bare.
 */

export type SpecifierType = 'relative' | 'absolute' | 'imports' | 'url' | 'bare'

export function specifierType(specifier: string): SpecifierType {
  if (specifier.startsWith('./') || specifier.startsWith('../') || specifier === '.' || specifier === '..') {
    return 'relative'
  }
  if (specifier.startsWith('/')) return 'absolute'
  if (specifier.startsWith('#')) return 'imports'
  if (/^[a-zA-Z][a-zA-Z\d+.-]*:/.test(specifier)) return 'url'
  return 'bare'
}

export interface BareSpecifier {
  /** The package name: `lodash`, `@scope/pkg`. */
  name: string
  /** What follows the name, with its leading slash, or `''`. */
  subpath: string
}

export function parseBareSpecifier(specifier: string): BareSpecifier {
  const first = specifier.indexOf('/')
  if (specifier.startsWith('@')) {
    if (first === -1) return { name: specifier, subpath: '' }
    const second = specifier.indexOf('/', first + 1)
    if (second === -1) return { name: specifier, subpath: '' }
    return { name: specifier.slice(0, second), subpath: specifier.slice(second) }
  }
  if (first === -1) return { name: specifier, subpath: '' }
  return { name: specifier.slice(0, first), subpath: specifier.slice(first) }
}

/** True when `child` is `parent` or lies inside it. Both must be absolute and normalised. */
export function isInside(child: string, parent: string): boolean {
  if (child === parent) return true
  const prefix = parent.endsWith('/') ? parent : `${parent}/`
  return child.startsWith(prefix)
}

/**
 * `dirname` of an absolute, normalised path, without `node:path`'s argument checks: asked several times per
 * resolution, they were a measurable part of a cold one while interpreted.
 */
export function parentDir(path: string): string {
  if (sep !== '/') return dirname(path)
  const slash = path.lastIndexOf('/')
  return slash <= 0 ? '/' : path.slice(0, slash)
}

/** `basename` of an absolute, normalised path, without `node:path`'s argument checks (see `parentDir`). */
export function lastPart(path: string): string {
  if (sep !== '/') return basename(path)
  return path.slice(path.lastIndexOf('/') + 1)
}

/**
 * `resolvePath(dir, request)` for the usual `./x/y` and `../x` forms of an absolute, normalised `dir`, without
 * normalising the whole path again (that was a tenth of a relative resolution); anything unusual goes to `resolvePath`.
 */
export function joinRelative(dir: string, request: string): string {
  let rest = request
  let base = dir
  if (rest.startsWith('./')) rest = rest.slice(2)
  else {
    while (rest.startsWith('../')) {
      base = parentDir(base)
      rest = rest.slice(3)
    }
    if (rest === request) return resolvePath(dir, request)
  }
  if (rest === '' || rest.includes('//') || rest.includes('/.') || rest.startsWith('.')) return resolvePath(dir, request)
  return base === '/' ? `/${rest}` : `${base}/${rest}`
}
