import { expect, it } from 'vitest'
import { checkModuleBody } from '../src/esm/check-module-body.js'
import { scanEsm } from '../src/esm/scan-esm.js'
import { transformEsm } from '../src/esm/transform-esm.js'
import { fuzzScan } from '../fuzz/scan.mjs'

// A smoke run of the scan's mutation fuzzer (`npm run fuzz:scan` runs it longer, from any seed): mutants of the ES
// modules installed here, each transformed by the scan and by the AST path, must not be misread by the scan, and the
// scan must not accept one that the AST path refuses.
it('finds no mutant of an installed ES module that the scan reads otherwise than the AST path', () => {
  const result = fuzzScan({ scanEsm, transformEsm, checkModuleBody }, { mutants: 300, seed: 11 })
  expect(result.findings.map(({ kind, file, what }) => `${kind}: ${file}: ${what}`)).toEqual([])
  // Enough mutants parse, and the scan transformed most of those itself: a run where it gave up everywhere would pass.
  expect(result.valid).toBeGreaterThan(result.mutants * 0.2)
  expect(result.scanned).toBeGreaterThan(result.valid * 0.7)
}, 60_000)
