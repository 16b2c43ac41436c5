import vm from 'node:vm'
import { DYNAMIC, META } from './generated-names.js'

/**
 * Early errors of module code that a generator function's body accepts: V8 parses the rewritten body once more, in a
 * strict block of a script, where top-level functions are lexical as in a module (two of one name, or a `var` and a
 * function of one name, are refused), and `return`, `yield` and `new.target` are refused. A body with top-level
 * `await` is parsed in an async arrow function instead, which still checks the declarations and refuses `yield` and
 * `new.target`, but accepts `return` (the transform leaves a module with a top-level `return` to rollup's parser).
 */
export function checkModuleBody(body: string, file: string, async: boolean, importedNames: string[]): void {
  // A module has no HTML-like comments: `<!--` is `<`, `!`, `--` and `-->` is `--`, `>` there. A space between keeps
  // those tokens and makes a script read them so too (in a string, a comment or a regular expression it changes nothing
  // the parse can refuse).
  if (body.includes('<!--') || body.includes('-->')) body = body.replaceAll('<!--', '< !--').replaceAll('-->', '-- >')
  // `import(...)` and `import.meta` as written, for what V8 refuses in them: `import()` with no or three arguments,
  // `new import(x)`, `import(x) = 1` (a script may call import() too), and `import.meta = 1` (as `null`, which can be
  // read through and not assigned). Names starting with `__ms_` are the transform's own.
  if (body.includes(DYNAMIC)) body = body.replace(DYNAMIC_NAME, 'import')
  if (body.includes(META)) body = body.replace(META_NAME, 'null')
  // Imports are declared as what they are, lexical names of the module: `eval`, or a top-level declaration of the
  // same name, is refused.
  const imports = importedNames.length ? `let ${importedNames.join(', ')};` : ''
  const code = async ? `'use strict';(async () => {{${imports}${body}\n}})` : `'use strict';{${imports}${body}\n}`
  new vm.Script(code, { filename: file })
}

const DYNAMIC_NAME = new RegExp(`\\b${DYNAMIC}\\b`, 'g')
const META_NAME = new RegExp(`\\b${META}\\b`, 'g')
