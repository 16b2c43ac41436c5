// The glue that lets oxc-parser feed the transform's AST path (bench/parse.mjs measures it against the scan and
// rollup's parser): its ESTree output has the `start`/`end` offsets (UTF-16, as in JavaScript strings) the transform
// reads; parentheses are left out of the tree, as rollup and acorn do. Loaded on the first parse, as the transform
// loads rollup's parser, so that a load's time includes it.
import { createRequire } from 'node:module'

let parseSync

export function parseWithOxc(code, file) {
  parseSync ??= createRequire(import.meta.url)('oxc-parser').parseSync
  const result = parseSync(file, code, { sourceType: 'module', lang: 'js', preserveParens: false })
  if (result.errors.length !== 0) throw new SyntaxError(`${result.errors[0].message} (in ${file})`)
  return result.program
}
