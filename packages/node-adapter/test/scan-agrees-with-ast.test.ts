import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { scanEsm } from '../src/esm/scan-esm.js'
import { transformEsm } from '../src/esm/transform-esm.js'
import { esModules } from '../fuzz/scan.mjs'

// The token scan is the fast path of the ES module transform and the AST path its reference: on every ES module
// installed in this repository (about a thousand real files) they must make the same rewrites. Only layout may
// differ (the AST path puts `export default` expressions in parentheses), so both are compared without whitespace,
// parentheses and semicolons: a name rewritten in one and not the other still shows.
const layout = (code: string) => code.replace(/[\s();]/g, '')

describe('the token scan and the AST path', () => {
  it('make the same rewrites on every ES module installed here', () => {
    let compared = 0
    let scanned = 0
    const differ: string[] = []
    for (const file of esModules()) {
      const source = readFileSync(file, 'utf8')
      if (!/(^|\n)\s*(import|export)\s/.test(source)) continue
      let reference
      try {
        reference = transformEsm(source, file, { ast: true })
      } catch {
        continue // not an ES module after all (a CommonJS file in a dist folder), or one the AST path rejects
      }
      compared++
      // Counted, so that the test cannot pass by the scan giving up everywhere (the AST path would then agree with itself).
      if (scanEsm(source) !== undefined) scanned++
      if (layout(transformEsm(source, file).code) !== layout(reference.code)) differ.push(file)
    }
    expect(differ).toEqual([])
    expect(compared).toBeGreaterThan(500)
    expect(scanned).toBeGreaterThan(compared * 0.8)
  }, 60_000)
})
