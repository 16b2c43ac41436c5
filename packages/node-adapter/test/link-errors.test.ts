import { expect, it } from 'vitest'
import { inSpace, native } from './compare-with-node.js'
import { fixture } from './fixture-path.js'

// A graph that fails to link fails with Node's SyntaxError: V8's message, naming the module where its walk stopped
// (the inner module of a re-export chain, a re-export circle), and its stack headed by the statement that reached it.
const root = fixture('link-errors')

it("refuses an import that a re-export chain, an ambiguous export * or a re-export circle cannot give, in Node's words", async () => {
  const expected = native(root, 'run.js') as string[][]
  expect(expected.map((row) => row[2])).toContain("Detected cycle while resolving name 'x' in './circle-b.js'")
  expect(await inSpace(root, 'run.js')).toEqual(expected)
}, 30_000)
