import type { scanEsm } from '../src/esm/scan-esm.js'
import type { transformEsm } from '../src/esm/transform-esm.js'
import type { checkModuleBody } from '../src/esm/check-module-body.js'

export interface Finding {
  kind: string
  file: string
  /** The mutation, in words. */
  what: string
  /** The mutant's source. */
  code: string
}

export interface FuzzResult {
  mutants: number
  /** Mutants the AST path accepts. */
  valid: number
  /** Valid mutants the scan transformed itself (did not give up on). */
  scanned: number
  findings: Finding[]
}

export function esModules(dir?: string): string[]

export function fuzzScan(
  tools: { scanEsm: typeof scanEsm; transformEsm: typeof transformEsm; checkModuleBody: typeof checkModuleBody },
  options?: { mutants?: number; seed?: number; files?: string[] },
): FuzzResult
