import { createSpaces } from '@modspace/node-adapter'
import { pluginFacts } from './plugin-facts.mjs'

/** Both plugins live in this process, each in its space; then a blocked import, and a clean reload. */
export async function runInNode(example) {
  const spaces = await createSpaces(example)
  const charts = await spaces.get('charts').import('./index.js')
  const legacy = await spaces.get('legacy-reports').import('./index.js')
  const { lines, facts } = pluginFacts(charts, legacy)

  try {
    await spaces.get('charts-no-spawn').import('node:child_process')
    lines.push('charts-no-spawn: node:child_process loaded (it should have been blocked)')
  } catch (error) {
    lines.push(`charts-no-spawn refuses node:child_process: ${error.message.split('\n')[0]}`)
  }

  const before = charts.chart.token
  await spaces.get('charts').dispose()
  const again = await createSpaces(example)
  const reloaded = await again.get('charts').import('./index.js')
  lines.push(`charts disposed and loaded again: ${reloaded.chart.token === before ? 'the same instance (NOT a clean reload)' : 'a fresh chart-lib instance'}`)
  await again.dispose()
  await spaces.dispose()
  return { lines, facts }
}
