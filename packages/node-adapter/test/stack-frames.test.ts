import { beforeAll, describe, expect, it } from 'vitest'
import { inSpaceProcess, native } from './compare-with-node.js'
import { fixture } from './fixture-path.js'
import { bodyOffset } from '../src/esm/compile-esm.js'
import { transformEsm } from '../src/esm/transform-esm.js'

// A space's modules are named in stack frames as Node names them, at the same line and column: the stack's text
// (file:line:column of the top frame, on the first line, in a function, further down) and `CallSite.getFileName()`.
// Each format's fixture records its frames natively and in a space, each in a Node 24 child process (the test runner
// formats stacks its own way).
const root = fixture('frames')
type Frames = Record<'cjs' | 'cts' | 'esm' | 'ts' | 'ownProcess', { first: string; later: string; second: string; file: string }>
let expected: Frames
let actual: Frames

beforeAll(() => {
  expected = native(root, 'all.js') as Frames
  actual = inSpaceProcess(root, 'all.js').data as Frames
})

describe('stack frames of a space module, as Node gives them', () => {
  it('CommonJS', () => {
    expect(expected.cjs).toEqual({ first: `${root}/frames.cjs:1:15`, later: `${root}/frames.cjs:1:54`, second: `${root}/frames.cjs:3:72`, file: `${root}/frames.cjs` })
    expect(actual.cjs).toEqual(expected.cjs)
  })

  it('ES modules: named by URL, no shift on the first line', () => {
    const url = `file://${root}/frames.js`
    expect(expected.esm).toEqual({ first: `${url}:1:15`, later: `${url}:1:54`, second: `${url}:3:16`, file: url })
    expect(actual.esm).toEqual(expected.esm)
  })

  it('an ES module that declares its own top-level process (compiled without the space\'s process parameter)', () => {
    const url = `file://${root}/own-process.js`
    expect(expected.ownProcess).toEqual({ first: `${url}:1:15`, later: `${url}:1:75`, second: `${url}:3:16`, file: url, process: 'own' })
    expect(actual.ownProcess).toEqual(expected.ownProcess)
  })

  it('TypeScript, CommonJS (.cts) and ES module (.ts)', () => {
    expect(expected.cts.first).toBe(`file://${root}/frames.cts:1:22`)
    expect(expected.ts.first).toBe(`file://${root}/frames.ts:1:22`)
    expect({ cts: actual.cts, ts: actual.ts }).toEqual({ cts: expected.cts, ts: expected.ts })
  })
})

it('maps frames by the files\' source maps under --enable-source-maps, as Node does (CommonJS and ESM)', () => {
  const flags = ['--enable-source-maps']
  const expected = native(root, 'maps.js', flags)
  expect(expected).toEqual({ cjs: `${root}/original.ts:10:1`, esm: `${root}/original.ts:10:1` })
  expect(inSpaceProcess(root, 'maps.js', flags)).toEqual({ data: expected, stderr: '' })
  // Without the flag, neither maps.
  expect(inSpaceProcess(root, 'maps.js').data).toEqual(native(root, 'maps.js'))
})

it('finds where the module body starts past export names that spell the prologue\'s end', () => {
  const source = `const x = 1; export { x as "yield;", x as "it's \\"yield;\\"" }\n`
  const { code, bodyStart } = transformEsm(source, '/virtual/names.js')
  expect(bodyOffset(code, bodyStart)).toEqual({ lineOffset: 0, columnOffset: -code.indexOf('const x = 1') })
})

it('keeps the file\'s lines when its first line is an import the transform removes (no line taken back)', () => {
  const source = `import { a } from './a.js'\n\nexport function f() {\n  throw new Error(a)\n}\n`
  const { code, bodyStart } = transformEsm(source, '/virtual/first-line-import.js')
  expect(bodyOffset(code, bodyStart).lineOffset).toBe(0)
  // The code's fourth line is the file's fourth line.
  expect(code.split('\n')[3]).toBe('  throw new Error(__ms_i0.a)')
})
