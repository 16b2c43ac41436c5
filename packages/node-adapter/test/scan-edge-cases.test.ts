import { describe, expect, it } from 'vitest'
import { scanEsm } from '../src/esm/scan-esm.js'
import { transformEsm } from '../src/esm/transform-esm.js'

// Inputs where a token scan can misread the grammar and still produce code that compiles: a keyword used as a method
// name, a line break that ends a statement, a contextual keyword used as a name. For each, the scan must make the AST
// path's rewrites and report top-level await as it does (the scan may also give up, which is then the AST path).
const header = "import { x, of } from './x.js'\n"
const cases: Array<[string, string, { async: boolean, scanned: boolean }]> = [
  ['an async method named catch', 'class P { async catch(e) { await e; return x } }', { async: false, scanned: true }],
  ['async methods named if, with, for, while, switch', 'class P { async if(a) { await a } async with(a) { await a } async for(a) { await a } async while(a) { await a } async switch(a) { await a } }', { async: false, scanned: true }],
  ['async methods named like statements in an object', 'export const o = { async catch(e) { await e }, async if(a) { await x }, async *for() { await x } }', { async: false, scanned: true }],
  ['static and getter methods named like statements', 'class P { static if() { return x } get catch() { return x } set while(v) { x(v) } }', { async: false, scanned: true }],
  ['a method named while, then real top-level await', 'class A { while(a) { return x } }\nawait x', { async: true, scanned: true }],
  ['await in a real catch clause at the top level', 'try { x() } catch (e) { await x }', { async: true, scanned: true }],
  ['await in a real if at the top level', 'if (x) { await x }', { async: true, scanned: true }],
  ['a block on the line after yield', 'export function* g() { yield\n{ x() } }', { async: false, scanned: true }],
  ['a block on the line after return', 'export function f() { return\n{ x() } }', { async: false, scanned: true }],
  ['an object after return on the same line', 'export function f() { return { x } }', { async: false, scanned: true }],
  ['an import named of, divided', 'export const r = of / x / 2', { async: false, scanned: true }],
  ['an import named of, then a block', 'export const a = of\n{ x() }', { async: false, scanned: true }],
  ['of as the keyword of a for loop', 'for (const y of x) of(y)\nfor (const [a] of x) of(a)', { async: false, scanned: true }],
  ['await as a property name and a method name', 'export const o = { await: x }\no.await\nclass A { await() { return x } }', { async: false, scanned: true }],
  ['a division after a function expression', 'export const f = function () {} / x, g = async function () {} / x, h = (function () {}) / x', { async: false, scanned: true }],
  ['a regular expression after a function declaration', 'function f() {}\n/x/.test(f)\nasync function g() {}\n/x/.test(g)\nexport default function () {}\n/x/.test(x)', { async: false, scanned: true }],
  ['await after an arrow function in the middle of a conditional', 'export const f = x ? () => x\n  : await x', { async: true, scanned: true }],
  ['an arrow function with a conditional in its body, then await', 'export const f = x ? () => (x ? 1 : 2) : await x\nexport const g = () => x ? 1 : 2', { async: true, scanned: true }],
  ['an import named of in a for head that is no for-of', 'for (let i = 0; i < 2; ++of, i++) of(i)\nfor (const k in of) x(k)', { async: false, scanned: true }],
  ['await in an arrow body inside a template substitution, then top-level await', 'export const t = `${() => x}${await x}`', { async: true, scanned: true }],
  ['import.meta ends a value: an export declaration ends at the line break after it', 'export const meta = import.meta\nconst secret = 1\nexport const f = () => import.meta\nawait x', { async: true, scanned: true }],
  ['a block after a call, the semicolon left to ASI, is no function body', 'x()\n{ await x }', { async: true, scanned: true }],
  ['methods, getters and computed keys have function bodies', 'export const o = { async m() { await x }, get g() { return x }, async [x]() { await x } }\nexport class C { async m() { await x } static async *[x]() { await x } }', { async: false, scanned: true }],
  ['an exported name without initializer ends at a line break', 'let d\nexport let a\n+ 1, d\nexport var b\n;[x] = [1]', { async: false, scanned: true }],
  ['a regular expression after prefix ++, break, continue and debugger', 'for (;;) { break\n/x/g.test(x) }\ndebugger\n/x/.test(x)\nexport const r = () => ++/x/g.lastIndex\nlet i = 0\nexport const j = i++ / x / 2', { async: false, scanned: true }],
  ['async * x in a value is a product, not a generator method', 'const async = 2\nexport const o = { a: async * x(1) }\nexport class A { a = async * x(1) }', { async: false, scanned: true }],
  ['class fields whose values end in an object literal, a modifier word or in', 'const get = {}\nexport class A { a = {} * x; b = {} in\n x; c = get instanceof\n x; *g() { yield x } }', { async: false, scanned: true }],
  ['members after methods, static blocks and fields without semicolons', 'export class A { m() {} *g() { yield x } static { x() } static async *h() { yield x } f = 1\n static k() { return x } get [x]() { return x } }', { async: false, scanned: true }],
  ['a division after a class expression, a regular expression after a declaration', 'export const r = class {} / x / 1\nclass B {}\n/x/.test(B)', { async: false, scanned: true }],
  ['a regular expression on the line after a declared name without initializer', 'let a\n/x/.test(a)\nexport let b\n/x/.test(b)', { async: false, scanned: true }],
  ['a declaration after return, yield or debugger and a line break, then a regular expression', 'export function* g() { return\nfunction f() {}\n/x/g.test(f) }\nexport function* h() { yield\nclass A {}\n/x/g.test(A) }\nconst async = 1\nexport let q = async\nfunction k() {}\n/x/.test(k)', { async: false, scanned: true }],
  ['a regular expression after the label of break and continue', 'l: { break l\n/x/g.test(x) }\nm: for (;;) { continue m\n/x/g.test(x) }', { async: false, scanned: true }],
  ['a class declaration whose extends holds a class expression or an object literal', 'export class B extends (class {}) {}\n/x/g.test(B)\nexport class C extends { x }.constructor {}', { async: false, scanned: true }],
  ['a function expression in a class field, then a product', 'export const v = new (class { a = function () {} * x; static b = async function () {} * x })().a', { async: false, scanned: true }],
  ['of after a parenthesised binding or a modifier word in a for head', 'let n, name, get\nfor ((n) of /x/g.exec(x));\nfor (name of /x/g.exec(x));\nfor (get of /x/g.exec(x));', { async: false, scanned: true }],
  ['function as a key leaves no parameter list behind', '({ function: 0 });\n{ if (1) { await x } }\n({ a: 0, function: 0 });\n{ if (1) {} /x/g.test(x) }', { async: true, scanned: true }],
  ['prefix ++ after if (...) and after a block', 'let c = 0\nif (c) ++/x/g.lastIndex\n{} ++/x/g.lastIndex', { async: false, scanned: true }],
  ['a regular expression on the line after a declaration of several names', 'let a = 1, b\n/x/g.test(b)\nvar c, d\n/x/g.test(d)\nexport let e = 1, f\n/x/.test(f)\nfor (let i = 0, n = 2; i < n; i++) x(i)', { async: false, scanned: true }],
  ['a comma after a declaration ended by a line break divides as before', 'let a = 1, b = 2\nb = a, x\n/ 2\nexport const c = 1, d = c, e = x', { async: false, scanned: true }],
  ['a class expression in the extends of a class expression, then a division', 'export const r = class extends class {} {} / x / 1\nexport class D extends class {} { m() { return x } }\n/x/.test(D)', { async: false, scanned: true }],
  ['an anonymous default class extending a class expression', 'export default class extends class { static n = x } { m() { return x } }', { async: false, scanned: true }],
  ['a field whose value goes on with * on the next line', 'export const C = class { a = function () {}\n* x; b = 2\n* x }', { async: false, scanned: true }],
  ['a method called of', 'export const o = { of() { return x }, of: x }', { async: false, scanned: true }],
]

const layout = (code: string) => code.replace(/[\s();]/g, '')

describe('the token scan on grammar that is easy to misread', () => {
  for (const [description, body, expected] of cases) {
    it(description, () => {
      const source = header + body
      const reference = transformEsm(source, '/m.js', { ast: true })
      const scanned = scanEsm(source)
      expect(scanned !== undefined).toBe(expected.scanned)
      const result = transformEsm(source, '/m.js')
      expect(layout(result.code)).toBe(layout(reference.code))
      expect(result.async).toBe(reference.async)
      expect(reference.async).toBe(expected.async)
    })
  }
})

describe('early errors of modules', () => {
  // A name exported twice, `await` declared: the scan leaves these to the AST path, which reports them with the file's
  // name as Node does (a SyntaxError).
  for (const source of ['function f() { var await = 1; return await }', 'function await() {}', 'export const a = 1\nexport { a }', 'const a = 1\nexport { a as b }\nexport function b() {}', "export default 1\nexport { x as default } from './x.js'"]) {
    it(`rejects ${JSON.stringify(source)}`, () => {
      expect(scanEsm(source)).toBeUndefined()
      expect(() => transformEsm(source, '/dup.js')).toThrow(/dup\.js/)
    })
  }
})

describe('what both paths must get right', () => {
  const run = (code: string) => {
    // The module's body with its prologue, run as the runtime runs it (first next(): exports; second: the body).
    const fn = (0, eval)(code) as (...args: unknown[]) => Generator
    const ns: Record<string, () => unknown> = {}
    const generator = fn([{ x: 1 }], ns, undefined, undefined, (_: unknown, getters: Record<string, () => unknown>) => Object.assign(ns, getters))
    generator.next()
    generator.next()
    return ns
  }
  for (const ast of [false, true]) {
    it(`ends the rename of an anonymous default class with a semicolon (${ast ? 'AST path' : 'scan'})`, () => {
      const { code } = transformEsm("export default class {}\n[1].forEach((n) => n)\n;(function () {})()", '/m.js', { ast })
      expect((run(code).default as () => { name: string })().name).toBe('default')
    })
  }

  it('finds the keywords of an export default outside comments (AST path)', () => {
    for (const source of ['export /* default */ default 1', 'export default function /* ( */ () {}', 'export default async function /* ( */ () {}']) {
      expect(() => transformEsm(source, '/m.js', { ast: true })).not.toThrow()
    }
    expect((run(transformEsm('export default function /* ( */ () { return 2 }', '/m.js', { ast: true }).code).default as () => () => number)()()).toBe(2)
  })
})
