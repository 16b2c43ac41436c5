import { createRequire } from 'node:module'
import type { AttachedScope } from '@rollup/pluginutils'
import type MagicString from 'magic-string'
import { walkAst, type AstNode as AnyNode } from '../walk-ast.js'
import { CLASS_DEFAULT_CLOSE, CLASS_DEFAULT_OPEN, DEFAULT, DEFINE, DEPS, DYNAMIC, META, NAME_DEFAULT, NS, member } from './generated-names.js'
import { addImportAttribute, type ImportAttributes } from './import-attributes.js'
import { scanEsm } from './scan-esm.js'
import { indirectExports, stringName, wellFormed } from './export-names.js'

/** One static dependency of an ES module, in source order (Node links and evaluates them in this order). */
export interface EsmImport {
  specifier: string
  /** Names this module reads from it by name (not `*`), checked once the dependency is evaluated. */
  names: string[]
  /** Its `with { ... }`, when it has one. */
  attributes?: ImportAttributes
}

export interface EsmTransform {
  /**
   * Source of a generator function expression `(deps, ns, meta, dynamicImport, defineExports, process) => ...`. Its first
   * `next()` defines the export getters (instantiation); its second runs the module body (evaluation).
   */
  code: string
  /** The body uses top-level `await`: the generator is async. */
  async: boolean
  /** The body reads `import.meta` (most modules do not, and are given none). */
  usesMeta: boolean
  imports: EsmImport[]
  /** Indexes into `imports` of `export * from` dependencies. */
  stars: number[]
  /** Every export name the module declares itself (re-exports by name included, `export *` not). */
  exportNames: string[]
  /**
   * The exports that are another module's: export name → [index into `imports`, the name imported from it, or `null`
   * for its namespace (`export * as x`, or `export { ns }` of `import * as ns`)]. Linking resolves them, as Node does.
   */
  indirect: Record<string, [number, string | null]>
  /** Where the module's own code starts in `code` (it ends before the last 4 characters). */
  bodyStart: number
  /** The names the imports declare (their declarations are blanked in `code`). */
  importedNames: string[]
}


/**
 * Rewrites an ES module into a generator function that the runtime drives through link and evaluation, the way
 * Vite's SSR transform does, with one change: export getters are defined before the first `yield`, so that a
 * dependency cycle sees hoisted function declarations as Node does. Line numbers are kept (everything added goes on
 * the first line and removed statements leave their newlines), so stack traces point at the original lines.
 *
 * Most modules are rewritten from a scan of their tokens (`scan-esm.ts`); the rest, and every module when `ast` is
 * set, from rollup's syntax tree. Both give the same code.
 */
export function transformEsm(source: string, file: string, options: { ast?: boolean } = {}): EsmTransform {
  const code = source.startsWith('#!') ? `//${source.slice(2)}` : source
  try {
    return assemble((!options.ast && !everyModuleParser && scanEsm(code)) || transformWithAst(code, file, options.ast ? undefined : everyModuleParser))
  } catch (error) {
    // An early error found by either path names the file, as the parser's own errors do.
    if (!(error instanceof SyntaxError) || error.message.includes(`(in ${file}`)) throw error
    throw Object.assign(new SyntaxError(`${error.message} (in ${file})`), { cause: error })
  }
}

/** Parses a module into an ESTree program with `start`/`end` offsets, or throws a `SyntaxError`. */
export type ParseModule = (code: string, file: string) => AnyNode

let everyModuleParser: ParseModule | undefined

/**
 * Sends every module to the AST path with `parse` as its parser (`undefined`: back to the scan first, and rollup's
 * parser). Not part of the API: `bench/parse.mjs` measures the scan against rollup's parser and oxc-parser with it.
 */
export function parseEveryModuleWith(parse: ParseModule | undefined): void {
  everyModuleParser = parse
}

/** What either path found: the rewritten source without its prologue, and what the prologue is made from. */
export interface Rewritten {
  body: string
  async: boolean
  usesMeta: boolean
  imports: EsmImport[]
  stars: number[]
  /** Export name → the expression its getter returns. */
  getters: Map<string, string>
  /** `export { local as name }` without `from`: resolved against the imports once every import is known. */
  locals: Map<string, string>
  /** Import local name → the namespace read that replaces it (`__ms_i0.helper`). */
  bindings: Map<string, string>
  /** A statement the prologue needs after the getters (naming an anonymous default function "default"). */
  renameDefault: string
}

/** The prologue (namespace reads, export getters, the `yield`), the body, and the end of the function. */
function assemble({ body, async, usesMeta, imports, stars, getters, locals, bindings, renameDefault }: Rewritten): EsmTransform {
  // No for-of or spreads: this runs for every module before the JIT has warmed up, where their steps allocate.
  locals.forEach((local, exported) => getters.set(exported, bindings.get(local) ?? local))
  getters.forEach((_, name) => wellFormed(name))
  for (let i = 0; i < imports.length; i++) imports[i]!.names.forEach(wellFormed)
  const exportNames: string[] = []
  getters.forEach((_, name) => exportNames.push(name))
  exportNames.sort()
  let prologue = `(${async ? 'async ' : ''}function* (${DEPS}, ${NS}, ${META}, ${DYNAMIC}, ${DEFINE}, process) {'use strict';`
  for (let i = 0; i < imports.length; i++) prologue += `${i === 0 ? 'const ' : ', '}__ms_i${i} = ${DEPS}[${i}]${i === imports.length - 1 ? ';' : ''}`
  // The module's code is in a block, with the imported names declared in it by `let`: its top-level declarations are
  // lexical as in a module, so the compile itself refuses two functions of one name, a `var` and a function of one
  // name, and a declaration of an imported name (V8 parsed each body a second time for those). The getters are in the
  // block too, to see its declarations.
  prologue += '{'
  if (bindings.size) {
    let names = ''
    bindings.forEach((_, name) => (names += names ? `, ${name}` : name))
    prologue += `let ${names};`
  }
  prologue += `${DEFINE}(${NS}, {`
  for (let i = 0; i < exportNames.length; i++) {
    const name = exportNames[i]!
    prologue += `${i === 0 ? '' : ', '}${JSON.stringify(name)}: () => ${getters.get(name)}`
  }
  prologue += `});${renameDefault}yield;`
  return { code: `${prologue}${body}\n}})`, async, usesMeta, imports, stars, exportNames, indirect: indirectExports(getters), bodyStart: prologue.length, importedNames: [...bindings.keys()] }
}

/**
 * rollup's parser, magic-string and the scope analysis, loaded when a module first needs the AST path: most modules
 * never do, and loading them costs about as much as scanning a few hundred modules.
 */
type AstTools = {
  parseAst: typeof import('rollup/parseAst').parseAst
  MagicString: typeof MagicString
  attachScopes: typeof import('@rollup/pluginutils').attachScopes
  extractAssignedNames: typeof import('@rollup/pluginutils').extractAssignedNames
}
let loaded: AstTools | undefined

function astTools(): AstTools {
  if (!loaded) {
    const load = createRequire(import.meta.url)
    const { attachScopes, extractAssignedNames } = load('@rollup/pluginutils') as typeof import('@rollup/pluginutils')
    loaded = { parseAst: (load('rollup/parseAst') as typeof import('rollup/parseAst')).parseAst, MagicString: load('magic-string'), attachScopes, extractAssignedNames }
  }
  return loaded
}

export function parseWithRollup(code: string, file: string): AnyNode {
  try {
    return astTools().parseAst(code) as unknown as AnyNode
  } catch (error) {
    throw Object.assign(new SyntaxError(`${(error as Error).message} (in ${file})`), { cause: error })
  }
}

function transformWithAst(code: string, file: string, parse: ParseModule = parseWithRollup): Rewritten {
  const { MagicString, attachScopes, extractAssignedNames } = astTools()
  const ast = parse(code, file)
  const s = new MagicString(code)
  const imports: EsmImport[] = []
  const importIndex = new Map<string, number>()
  const bindings = new Map<string, string>()
  const getters = new Map<string, string>()
  const stars: number[] = []
  let renameDefault = ''
  const locals = new Map<string, string>()
  /** The module's top-level declarations, for `export { x }`: a name it does not declare is an early error. */
  const declared = new Set<string>()
  const declare = (node: AnyNode) => {
    if (node.type === 'VariableDeclaration') for (const d of node.declarations as AnyNode[]) extractAssignedNames(d.id).forEach((name) => declared.add(name))
    else if ((node.type === 'FunctionDeclaration' || node.type === 'ClassDeclaration') && node.id) declared.add(node.id.name as string)
  }

  const dependency = (specifier: string): number => {
    let index = importIndex.get(specifier)
    if (index === undefined) {
      index = imports.length
      imports.push({ specifier, names: [] })
      importIndex.set(specifier, index)
    }
    return index
  }
  const withAttributes = (index: number, node: AnyNode) => {
    const list = node.attributes as AnyNode[] | undefined
    if (!list?.length) return
    const attributes: ImportAttributes = {}
    for (const attribute of list) addImportAttribute(attributes, nameOf(attribute.key), String(attribute.value.value))
    imports[index]!.attributes ??= attributes
  }
  // A removed import or export leaves a `;`: the statements around it stay apart where a line break after it ended one
  // (ASI: `export { a }` then `(f)()` on the next line).
  const blank = (node: AnyNode) => s.overwrite(node.start, node.end, `;${code.slice(node.start, node.end).replace(/[^\n]/g, '')}`, { contentOnly: true })
  const nameOf = (node: AnyNode): string => (node.type === 'Identifier' ? node.name : stringName(code.slice(node.start, node.end), String(node.value)))
  // A name exported twice is an early error of the module, which the parser leaves to the bundler: Node's words.
  const unique = (name: string) => {
    if (getters.has(name) || locals.has(name)) throw new SyntaxError(`Duplicate export of '${name}' (in ${file})`)
  }
  const exportAs = (name: string, expression: string) => {
    unique(name)
    getters.set(name, expression)
  }
  const exportLocal = (name: string, local: string) => {
    unique(name)
    locals.set(name, local)
  }

  for (const node of ast.body as AnyNode[]) {
    declare(node.type === 'ExportNamedDeclaration' || node.type === 'ExportDefaultDeclaration' ? (node.declaration ?? node) : node)
    switch (node.type) {
      case 'ImportDeclaration': {
        const index = dependency(String(node.source.value))
        withAttributes(index, node)
        for (const spec of node.specifiers as AnyNode[]) {
          // Two imports of one name: an early error rollup's parser leaves to the bundler (the scan gives up on it).
          if (bindings.has(spec.local.name)) throw new SyntaxError(`Identifier '${spec.local.name}' has already been declared (in ${file})`)
          if (spec.type === 'ImportNamespaceSpecifier') {
            bindings.set(spec.local.name, `__ms_i${index}`)
          } else {
            const imported = spec.type === 'ImportDefaultSpecifier' ? 'default' : nameOf(spec.imported)
            imports[index]!.names.push(imported)
            bindings.set(spec.local.name, member(index, imported))
          }
        }
        blank(node)
        break
      }
      case 'ExportAllDeclaration': {
        const index = dependency(String(node.source.value))
        withAttributes(index, node)
        if (node.exported) exportAs(nameOf(node.exported), `__ms_i${index}`)
        else stars.push(index)
        blank(node)
        break
      }
      case 'ExportNamedDeclaration': {
        if (node.declaration) {
          const declaration = node.declaration as AnyNode
          s.remove(node.start, declaration.start)
          const names = declaration.type === 'VariableDeclaration'
            ? (declaration.declarations as AnyNode[]).flatMap((d) => extractAssignedNames(d.id))
            : [declaration.id.name as string]
          for (const name of names) exportAs(name, name)
          break
        }
        if (node.source) {
          const index = dependency(String(node.source.value))
          withAttributes(index, node)
          for (const spec of node.specifiers as AnyNode[]) {
            const local = nameOf(spec.local)
            imports[index]!.names.push(local)
            exportAs(nameOf(spec.exported), member(index, local))
          }
        } else {
          for (const spec of node.specifiers as AnyNode[]) {
            const local = nameOf(spec.local)
            // Resolved against the imports at the end: an `export { x }` may come before `import { x }`.
            exportLocal(nameOf(spec.exported), local)
          }
        }
        blank(node)
        break
      }
      case 'ExportDefaultDeclaration': {
        const declaration = node.declaration as AnyNode
        const named = (declaration.type === 'FunctionDeclaration' || declaration.type === 'ClassDeclaration') && declaration.id
        if (named) {
          s.remove(node.start, declaration.start)
          exportAs('default', declaration.id.name)
        } else if (declaration.type === 'FunctionDeclaration') {
          // Keep it a hoisted declaration (a cycle may call it before the body runs): give it a name, and give it
          // back the name "default" Node gives it before anything can see it.
          s.remove(node.start, declaration.start)
          s.appendLeft(indexOutsideComments(code, '(', declaration.start), ` ${DEFAULT}`)
          exportAs('default', DEFAULT)
          renameDefault = `${NAME_DEFAULT};`
        } else {
          const isClass = declaration.type === 'ClassDeclaration'
          // Only the keywords are replaced: the expression may start with its own parenthesis.
          const keywordsEnd = indexOutsideComments(code, 'default', node.start) + 'default'.length
          s.overwrite(node.start, keywordsEnd, `const ${DEFAULT} = ${isClass ? CLASS_DEFAULT_OPEN : '('}`)
          // An anonymous function or class is named "default" in Node (here it would be inferred as __ms_default). A
          // class gets it as the value of a property "default", before its static blocks run, as in Node.
          const end = code[node.end - 1] === ';' ? node.end - 1 : node.end
          s.appendLeft(end, isClass ? `${CLASS_DEFAULT_CLOSE};` : `);${isAnonymousDefinition(declaration) ? `${NAME_DEFAULT};` : ''}`)
          exportAs('default', DEFAULT)
        }
        break
      }
    }
  }

  // One walk for top-level await, import.meta, import() and the identifiers that may read an import. A scope analysis
  // is needed only when an imported name is declared again somewhere (a parameter, a local): rare, so only then.
  let async = false
  let usesMeta = false
  let functionDepth = 0
  /** Functions and class static blocks around the node: a `var` outside them is the module's. */
  let varScopes = 0
  let redeclared = false
  const candidates: Array<{ node: AnyNode; parent: AnyNode }> = []
  const stack: AnyNode[] = []
  walkAst(ast, {
    enter(node, parent) {
      if (node.type === 'ImportDeclaration' || node.type === 'ExportAllDeclaration' || (node.type === 'ExportNamedDeclaration' && !node.declaration)) {
        return false
      }
      if (node.type === 'StaticBlock') varScopes++
      else if (node.type === 'VariableDeclaration' && node.kind === 'var' && varScopes === 0) declare(node)
      if (FUNCTION.test(node.type)) {
        functionDepth++
        varScopes++
      } else if (node.type === 'AwaitExpression' || (node.type === 'ForOfStatement' && node.await)) {
        if (functionDepth === 0) async = true
      } else if (node.type === 'MetaProperty') {
        if (node.meta.name === 'import') {
          s.overwrite(node.start, node.end, META, { contentOnly: true })
          usesMeta = true
        }
        return false
      } else if (node.type === 'ImportExpression') {
        s.overwrite(node.start, node.start + 'import'.length, DYNAMIC, { contentOnly: true })
      } else if (node.type === 'Identifier' && node.name === 'await' && parent && (isReference(node, parent) || parent.type === 'LabeledStatement' || declares(node, parent, stack[stack.length - 2]))) {
        // Reserved in a module, which the parser does not check; the function this becomes would accept it.
        throw new SyntaxError(`Unexpected reserved word 'await' (in ${file} at offset ${node.start})`)
      } else if (node.type === 'Identifier' && parent && bindings.has(node.name)) {
        if (declares(node, parent, stack[stack.length - 2])) redeclared = true
        else if (isReference(node, parent)) candidates.push({ node, parent })
      }
      stack.push(node)
      return true
    },
    leave(node) {
      stack.pop()
      if (FUNCTION.test(node.type)) functionDepth--
      if (FUNCTION.test(node.type) || node.type === 'StaticBlock') varScopes--
    },
  })

  // Node's words for it (V8's "Export 'x' is not defined in module").
  locals.forEach((local) => {
    if (!bindings.has(local) && !declared.has(local)) throw new SyntaxError(`Export '${local}' is not defined in module (in ${file})`)
  })

  const rewritten = new Set<number>()
  const rewrite = (node: AnyNode, parent: AnyNode) => {
    if (rewritten.has(node.start)) return
    rewritten.add(node.start)
    const target = bindings.get(node.name)!
    const shorthand = parent.type === 'Property' && parent.shorthand
    s.overwrite(node.start, node.end, shorthand ? `${node.name}: ${target}` : target, { contentOnly: true })
  }
  if (!redeclared) {
    for (const { node, parent } of candidates) rewrite(node, parent)
  } else {
    let scope: AttachedScope = attachScopes(ast as never, 'scope')
    walkAst(ast, {
      enter(node, parent) {
        if (node.type === 'ImportDeclaration' || node.type === 'ExportAllDeclaration' || (node.type === 'ExportNamedDeclaration' && !node.declaration)) {
          return false
        }
        if (node.scope) scope = node.scope
        if (node.type === 'Identifier' && parent && bindings.has(node.name) && isReference(node, parent) && !scope.contains(node.name)) {
          rewrite(node, parent)
        }
        return true
      },
      leave(node) {
        if (node.scope) scope = scope.parent!
      },
    })
  }

  return { body: s.toString(), async, usesMeta, imports, stars, getters, locals, bindings, renameDefault }
}

const FUNCTION = /Function/

/** Where `text` first occurs from `from` on, outside comments: a comment between `export` and `default` may say either. */
function indexOutsideComments(code: string, text: string, from: number): number {
  for (let at = from; at < code.length; ) {
    if (code.startsWith('//', at)) at = code.indexOf('\n', at) === -1 ? code.length : code.indexOf('\n', at)
    else if (code.startsWith('/*', at)) at = code.indexOf('*/', at + 2) + 2
    else if (code.startsWith(text, at)) return at
    else at++
  }
  return -1
}

/**
 * Whether an identifier declares a name: a variable, a function or class name, a parameter, a catch parameter, or any
 * place in a destructuring pattern (an assignment pattern too: conservative, it only turns on the scope analysis).
 */
function declares(node: AnyNode, parent: AnyNode, grandparent: AnyNode | undefined): boolean {
  switch (parent.type) {
    case 'VariableDeclarator':
      return parent.id === node
    case 'FunctionDeclaration':
    case 'FunctionExpression':
    case 'ArrowFunctionExpression':
      return parent.id === node || (parent.params as AnyNode[]).includes(node)
    case 'ClassDeclaration':
    case 'ClassExpression':
      return parent.id === node
    case 'CatchClause':
      return parent.param === node
    case 'ArrayPattern':
    case 'RestElement':
      return true
    case 'AssignmentPattern':
      return parent.left === node
    case 'Property':
      return grandparent?.type === 'ObjectPattern' && parent.value === node
    default:
      return false
  }
}

/** A function or class without a name of its own (a class with a static `name` member keeps that). */
function isAnonymousDefinition(node: AnyNode): boolean {
  if (node.type === 'ArrowFunctionExpression') return true
  if (node.type === 'FunctionExpression') return !node.id
  if (node.type === 'ClassExpression' || node.type === 'ClassDeclaration') {
    return !node.id && !(node.body.body as AnyNode[]).some((m) => m.static && !m.computed && (m.key?.name === 'name' || m.key?.value === 'name'))
  }
  return false
}

/** Whether an identifier is read or written as a variable (not a property name, label or export alias). */
function isReference(node: AnyNode, parent: AnyNode): boolean {
  switch (parent.type) {
    case 'MemberExpression':
      return parent.computed || node === parent.object
    case 'MethodDefinition':
    case 'PropertyDefinition':
      return parent.computed || node === parent.value
    case 'Property':
      return parent.computed || node === parent.value
    case 'ExportSpecifier':
    case 'ImportSpecifier':
      return node === parent.local
    case 'LabeledStatement':
    case 'BreakStatement':
    case 'ContinueStatement':
      return false
    default:
      return true
  }
}
