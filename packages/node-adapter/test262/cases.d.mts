export interface Case {
  name: string
  file: string
  module: boolean
  async: boolean
  strict: boolean
  includes: string[]
  expected: string
}
export const suiteRoot: string
export function listCases(): Case[]
export function harnessSource(testCase: Case): string
export function materialize(cases: Case[]): string
export function scriptTwin(file: string): string
