// The names the ES module transform puts into a module's code, shared by its two paths (the token scan and the AST
// path), which must give the same code. Prefixed so that they cannot meet a user's names in practice.

export const DEPS = '__ms_deps'
export const NS = '__ms_ns'
export const META = '__ms_meta'
export const DYNAMIC = '__ms_import'
export const DEFINE = '__ms_export'
export const DEFAULT = '__ms_default'
/** Gives an anonymous default export the name "default", as Node does (it would be inferred as `__ms_default`). */
export const NAME_DEFAULT = `Object.defineProperty(${DEFAULT}, 'name', { value: 'default', configurable: true })`

/**
 * Around an anonymous `export default class`: the value of a property "default", so that the class is named "default"
 * before its static blocks and fields run, as Node names it.
 */
export const CLASS_DEFAULT_OPEN = '{ default: '
export const CLASS_DEFAULT_CLOSE = '}.default'

const PLAIN_NAME = /^[A-Za-z_$][\w$]*$/

/** The namespace read for an imported name: `__ms_i0.name`, or `__ms_i0["a-b"]` for a string name. */
export function member(index: number, name: string): string {
  return `__ms_i${index}${PLAIN_NAME.test(name) ? `.${name}` : `[${JSON.stringify(name)}]`}`
}
