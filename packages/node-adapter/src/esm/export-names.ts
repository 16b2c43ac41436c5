// What the transform learns from export and import names, the same for its two paths: which exports are another
// module's (linking resolves them), and the early errors of string names.

/** A string export or import name must be well-formed Unicode (no lone surrogate), an early error of the module. */
export function wellFormed(name: string): void {
  if (LONE_SURROGATE.test(name)) throw new SyntaxError(`Invalid module export name: contains unpaired surrogate (${JSON.stringify(name)})`)
}
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/

/**
 * A string name as written: rollup's parser drops a lone surrogate escape (`"\uD83D"` gives ""), which would hide the
 * early error, so a name with `\u` escapes is decoded from the source text.
 */
export function stringName(raw: string, value: string): string {
  if (!raw.includes('\\u')) return value
  return raw.slice(1, -1).replace(/\\u\{([0-9a-fA-F]+)\}|\\u([0-9a-fA-F]{4})|\\(.)/g, (_, braced: string | undefined, four: string | undefined, other: string) =>
    braced ?? four ? String.fromCodePoint(parseInt((braced ?? four)!, 16)) : other)
}

/** A getter that reads another module's namespace: `__ms_i0`, `__ms_i0.name` or `__ms_i0["a-b"]` (see `member`). */
const NAMESPACE_READ = /^__ms_i(\d+)(?:\.([A-Za-z_$][\w$]*)|\[("(?:[^"\\]|\\.)*")\])?$/

export function indirectExports(getters: Map<string, string>): Record<string, [number, string | null]> {
  const indirect: Record<string, [number, string | null]> = Object.create(null)
  getters.forEach((expression, name) => {
    const read = NAMESPACE_READ.exec(expression)
    if (read) indirect[name] = [Number(read[1]), read[2] ?? (read[3] === undefined ? null : (JSON.parse(read[3]) as string))]
  })
  return indirect
}
