import { relative } from 'node:path'
import pc from 'picocolors'
import { ROOT_SPACE, type NormalizedConfig, type NormalizedSpace } from '../config/normalize-config.js'
import { formatGraphHtml, formatGraphSvg, type GraphPictureOptions } from './format-graph-svg.js'

export type GraphFormat = 'text' | 'mermaid' | 'dot' | 'json' | 'svg' | 'html'
export const GRAPH_FORMATS: readonly GraphFormat[] = ['text', 'mermaid', 'dot', 'json', 'svg', 'html']

/**
 * The space tree with roots, delegation, shared, isolated and overrides, in one of six formats; `svg` and `html` are a
 * picture, which also shows what each space owns in a build when given its manifest.
 */
export function formatGraph(config: NormalizedConfig, format: GraphFormat, options: { color?: boolean } & GraphPictureOptions = {}): string {
  switch (format) {
    case 'svg':
      return formatGraphSvg(config, options)
    case 'html':
      return formatGraphHtml(config, options)
    case 'json':
      return JSON.stringify(toJson(config), null, 2)
    case 'mermaid':
      return toMermaid(config)
    case 'dot':
      return toDot(config)
    default:
      return toText(config, pc.createColors(options.color ?? false))
  }
}

interface SpaceJson {
  name: string
  parent: string | null
  root: string
  delegation: string
  shared: Record<string, string>
  isolated: string[]
  overrides: Record<string, string | false>
  entries: Record<string, string>
}

function rel(config: NormalizedConfig, path: string): string {
  const r = relative(config.baseDir, path)
  return r === '' ? '.' : r.startsWith('..') ? path : `./${r}`
}

function toJson(config: NormalizedConfig): { spaces: SpaceJson[]; native: object; conditions: readonly string[] } {
  const spaces = [...config.spaces.values()].map((s) => ({
    name: s.name,
    parent: s.parent ?? null,
    root: rel(config, s.root),
    delegation: s.name === ROOT_SPACE ? 'host' : s.delegation,
    shared: Object.fromEntries([...s.shared].map(([k, v]) => [k, v ?? '*'])),
    isolated: [...s.isolated],
    overrides: Object.fromEntries([...s.overrides].map(([k, t]) => [k, (t.type === 'blocked' ? false : t.written) as string | false])),
    entries: Object.fromEntries(Object.entries(s.entries).map(([k, v]) => [k, rel(config, v)])),
  }))
  return { spaces, native: { pin: config.native.pin, packages: [...config.native.packages], onConflict: config.native.onConflict }, conditions: config.conditions }
}

function children(config: NormalizedConfig, name: string): NormalizedSpace[] {
  return [...config.spaces.values()].filter((s) => s.parent === name)
}

function describe(config: NormalizedConfig, s: NormalizedSpace): string[] {
  if (s.name === ROOT_SPACE) return []
  const lines: string[] = []
  if (s.shared.size) lines.push(`shared: ${[...s.shared].map(([k, v]) => (v ? `${k}@${v}` : k)).join(', ')}`)
  if (s.isolated.size) lines.push(`isolated: ${[...s.isolated].join(', ')}`)
  for (const [k, t] of s.overrides) lines.push(`override: ${k} → ${t.type === 'blocked' ? 'blocked' : t.written}`)
  for (const [k, v] of Object.entries(s.entries)) lines.push(`entry ${k}: ${rel(config, v)}`)
  return lines
}

function toText(config: NormalizedConfig, c: ReturnType<typeof pc.createColors>): string {
  const out: string[] = []
  const walk = (s: NormalizedSpace, prefix: string, last: boolean, top: boolean) => {
    const head = top ? '' : `${prefix}${last ? '└─ ' : '├─ '}`
    const detail = s.name === ROOT_SPACE ? c.dim(`the host's module system, ${rel(config, s.root)}`) : `${rel(config, s.root)}  ${c.dim(s.delegation)}`
    out.push(`${head}${c.bold(c.cyan(s.name))}  ${detail}`)
    const inner = top ? '' : `${prefix}${last ? '   ' : '│  '}`
    const kids = children(config, s.name)
    for (const line of describe(config, s)) out.push(`${inner}${kids.length ? '│  ' : '   '}${c.dim(line)}`)
    kids.forEach((k, i) => walk(k, inner, i === kids.length - 1, false))
  }
  walk(config.spaces.get(ROOT_SPACE)!, '', true, true)
  out.push(c.dim(`native: pinned to ${config.native.pin}${config.native.packages.size ? ` (${[...config.native.packages].join(', ')})` : ''}, on conflict: ${config.native.onConflict}`))
  return out.join('\n')
}

const nodeId = (name: string) => `s_${name.replace(/[^a-zA-Z0-9]/g, '_')}`
const escapeLabel = (text: string) => text.replace(/"/g, '\\"')

function label(config: NormalizedConfig, s: NormalizedSpace, newline: string): string {
  const head = s.name === ROOT_SPACE ? 'root (host)' : `${s.name}${newline}${rel(config, s.root)} · ${s.delegation}`
  return escapeLabel([head, ...describe(config, s)].join(newline))
}

function toMermaid(config: NormalizedConfig): string {
  const lines = ['graph TD']
  for (const s of config.spaces.values()) lines.push(`  ${nodeId(s.name)}["${label(config, s, '<br/>')}"]`)
  for (const s of config.spaces.values()) if (s.parent) lines.push(`  ${nodeId(s.parent)} --> ${nodeId(s.name)}`)
  return lines.join('\n')
}

function toDot(config: NormalizedConfig): string {
  const lines = ['digraph modspace {', '  node [shape=box];']
  for (const s of config.spaces.values()) lines.push(`  ${nodeId(s.name)} [label="${label(config, s, '\\n')}"];`)
  for (const s of config.spaces.values()) if (s.parent) lines.push(`  ${nodeId(s.parent)} -> ${nodeId(s.name)};`)
  lines.push('}')
  return lines.join('\n')
}
