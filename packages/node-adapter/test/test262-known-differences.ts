import { readFileSync } from 'node:fs'

/** A row of docs/runtime.md's table of test262 differences: which tests (a `*` matches within a name), both outcomes, why. */
export interface KnownDifference {
  pattern: string
  node: string
  space: string
  why: string
  matches(name: string): boolean
}

const HEADING = '### test262 tests a space runs differently'

/** The rows of the table under {@link HEADING} in `docs`. */
export function knownDifferences(docs: string): KnownDifference[] {
  const text = readFileSync(docs, 'utf8')
  const start = text.indexOf(HEADING)
  if (start === -1) throw new Error(`${docs} has no "${HEADING}" section`)
  const rows: KnownDifference[] = []
  for (const line of text.slice(start).split('\n').slice(1)) {
    if (line.startsWith('#')) break
    const cells = /^\| `([^`]+)` \| `([^`]+)` \| `([^`]+)` \| (.+) \|$/.exec(line)
    if (!cells) continue
    const [, pattern, node, space, why] = cells as unknown as [string, string, string, string, string]
    const re = new RegExp(`^${pattern.split('*').map(escape).join('[^/]*')}$`)
    rows.push({ pattern, node, space, why, matches: (name) => re.test(name) })
  }
  return rows
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}
