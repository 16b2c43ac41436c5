import { execFileSync } from 'node:child_process'
import { expect, it } from 'vitest'
import { checkModuleBody } from '../src/esm/check-module-body.js'

// The second parse of a module's body (after the transform) refuses what V8 refuses in a module and takes what it
// takes, whichever way it parses: lazily in a class static block, or in a strict block when the body may hold what a
// static block reads otherwise (`arguments`, `new.target`, an escape). Each body here is module code without imports
// or exports (the transform leaves such code as it is), compared with V8 parsing it as a module.
const bodies = [
  'function a() {}\nfunction a() {}',
  'var a; function a() {}',
  'let a; { var a }',
  'return 1',
  'yield 1',
  'new.target',
  'new /* a comment */ . target',
  'function f() { return new.target }',
  'arguments',
  'argument\\u0073',
  'function f() { return arguments }',
  'var await = 1',
  'async function f() { await 1; for await (const x of []) x }',
  'function* g() { yield 1 }',
  'class A { static { this.x = 1 } }\nclass B { m() { return super.m } }',
  'function f() { let q; let q }',
  'x = 1\n--> y',
  'label: for (;;) { break label }',
  'var $arguments = 1, o = { arguments: 1 }; o.arguments',
  'const x = "\\u0061"',
  'eval("1"); this',
]

function nativeVerdicts(): boolean[] {
  const script = `const vm = require('node:vm'); console.log(JSON.stringify(${JSON.stringify(bodies)}.map((body) => { try { new vm.SourceTextModule(body); return false } catch (e) { if (!(e instanceof SyntaxError)) throw e; return true } })))`
  return JSON.parse(execFileSync(process.execPath, ['--experimental-vm-modules', '--no-warnings', '-e', script], { encoding: 'utf8' })) as boolean[]
}

function refuses(body: string, importedNames: string[] = []): boolean {
  try {
    checkModuleBody(body, '/virtual/body.js', false, importedNames)
    return false
  } catch (error) {
    if (!(error instanceof SyntaxError)) throw error
    return true
  }
}

it('refuses what V8 refuses in a module, and takes what it takes', () => {
  const native = nativeVerdicts()
  // Pinned, so that the rows keep testing both answers.
  expect(native.filter(Boolean).length).toBe(10)
  expect(Object.fromEntries(bodies.map((body) => [body, refuses(body)]))).toEqual(Object.fromEntries(bodies.map((body, i) => [body, native[i]])))
})

it('refuses a top-level declaration of an imported name, and an import named eval', () => {
  expect(refuses('var a = 1', ['a'])).toBe(true)
  expect(refuses('function a() {}', ['a'])).toBe(true)
  expect(refuses('function f() { var a }', ['a'])).toBe(false)
  expect(refuses('', ['eval'])).toBe(true)
})

it('refuses an HTML-like comment in code as V8 does, in its words, and takes one in a string, template or pattern', () => {
  const html = [
    'let y = 1, x\nx = 1 <!-- y',
    '<!-- not a comment in a module',
    'let y = 1, x = y\n  /* c */ --> 3',
    'let y = 2, x = y-->1',
    'let y = 2, x = y /* c */ -->1',
    'let y = 2\n/*\n*/ --> 1',
    'let x = 1 <!-- y(',
    'const s = "<!--", t = `-->\n-->\n<!--`, r = /<!--/; // <!--\n/* -->\n--> */',
  ]
  const script = `const vm = require('node:vm'); console.log(JSON.stringify(${JSON.stringify(html)}.map((body) => { try { new vm.SourceTextModule(body); return null } catch (e) { return e.message } })))`
  const native = JSON.parse(execFileSync(process.execPath, ['--experimental-vm-modules', '--no-warnings', '-e', script], { encoding: 'utf8' })) as (string | null)[]
  expect(native.filter((message) => message === 'HTML comments are not allowed in modules').length).toBe(5)
  const inSpace = html.map((body) => {
    try {
      checkModuleBody(body, '/virtual/body.js', false, [])
      return null
    } catch (error) {
      return (error as Error).message
    }
  })
  expect(inSpace).toEqual(native)
})

it('takes a body of many block comments before a `-->` in code (a backtracking search for `-->` never ended)', () => {
  expect(refuses(`let y = 1\n${'/* a */\n'.repeat(40)}y = 1; y-->1`)).toBe(false)
})
