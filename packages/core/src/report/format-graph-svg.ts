import { basename, relative, sep } from 'node:path'
import { ROOT_SPACE, type NormalizedConfig, type NormalizedSpace } from '../config/normalize-config.js'
import type { ModspaceManifest } from './build-manifest.js'

// The space graph as a picture: the tree of spaces drawn as boxes, each with its root, delegation, shared and
// isolated packages, overrides and entries, and, given a build's manifest, what the space owns in that build and which
// packages load in more than one version. Plain SVG with no script and no external font, so that it shows the same in
// a README, a browser and an image viewer; text is monospace so that its width can be known without a browser.

export interface GraphPictureOptions {
  /** A build's manifest: adds what each space owns in it, and the packages it loads in two or more versions. */
  manifest?: ModspaceManifest
}

type Tone = 'plain' | 'dim' | 'shared' | 'isolated' | 'override' | 'blocked' | 'twice'
interface Line { text: string; tone: Tone }
interface Box { space: NormalizedSpace; lines: Line[]; width: number; height: number; x: number; y: number; children: Box[] }

const COLORS: Record<Tone, string> = {
  plain: '#1d2330', dim: '#5f6b7a', shared: '#137a3b', isolated: '#a15c00', override: '#1f5fbf', blocked: '#c0262d', twice: '#a0208e',
}
const CHAR = 7.25
const LINE = 18
const PAD = 12
const HEADER = 44
const GAP_X = 28
const GAP_Y = 64
const MAX_CHARS = 58
const MAX_PACKAGES = 8

/** The graph as a standalone SVG document. */
export function formatGraphSvg(config: NormalizedConfig, options: GraphPictureOptions = {}): string {
  const versions = packageVersions(options.manifest)
  const boxes = new Map([...config.spaces.values()].map((s) => [s.name, makeBox(config, s, options.manifest, versions)]))
  for (const box of boxes.values()) if (box.space.parent) boxes.get(box.space.parent)?.children.push(box)
  const root = boxes.get(ROOT_SPACE)!
  const top = 70
  const rows = rowHeights(root)
  const legend = legendLines(versions)
  const legendChars = Math.max(...legend.map((parts) => parts.reduce((n, part) => n + part.text.length, 0)))
  const width = Math.ceil(Math.max(subtreeWidth(root), legendChars * CHAR) + 48)
  place(root, Math.round((width - subtreeWidth(root)) / 2), top, rows)
  const treeBottom = top + rows.reduce((sum, h) => sum + h + GAP_Y, 0) - GAP_Y
  const height = treeBottom + 36 + legend.length * LINE + 16
  const title = `modspace · ${config.configFile ? basename(config.configFile) : 'space graph'}`
  const build = options.manifest ? ` · the ${options.manifest.bundler} build: ${options.manifest.modules.length} module instances` : ''
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="DejaVu Sans Mono, Menlo, Consolas, monospace" font-size="12">`,
    `<rect width="100%" height="100%" fill="#ffffff"/>`,
    `<text x="24" y="32" font-size="17" font-weight="bold" fill="${COLORS.plain}">${escapeXml(title)}</text>`,
    `<text x="24" y="52" fill="${COLORS.dim}">${escapeXml(`${config.spaces.size - 1} space(s) under the host${build}`)}</text>`,
    ...[...boxes.values()].flatMap((box) => box.children.map((child) => edge(box, child))),
    ...[...boxes.values()].map(drawBox),
    ...legend.map((parts, i) => spans(24, treeBottom + 36 + i * LINE, parts)),
    '</svg>',
    '',
  ].join('\n')
}

/** The same picture in a page of its own. */
export function formatGraphHtml(config: NormalizedConfig, options: GraphPictureOptions = {}): string {
  const title = `modspace · ${config.configFile ? basename(config.configFile) : 'space graph'}`
  return `<!doctype html>\n<html lang="en">\n<head><meta charset="utf-8"><title>${escapeXml(title)}</title></head>\n<body style="margin:0">\n${formatGraphSvg(config, options)}</body>\n</html>\n`
}

/** Package name → version → the spaces that own a module of it, from a manifest. */
function packageVersions(manifest: ModspaceManifest | undefined): Map<string, Map<string, Set<string>>> {
  const found = new Map<string, Map<string, Set<string>>>()
  for (const m of manifest?.modules ?? []) {
    if (!m.package) continue
    const byVersion = found.get(m.package.name) ?? new Map<string, Set<string>>()
    byVersion.set(m.package.version, (byVersion.get(m.package.version) ?? new Set()).add(m.space))
    found.set(m.package.name, byVersion)
  }
  return found
}

function makeBox(config: NormalizedConfig, s: NormalizedSpace, manifest: ModspaceManifest | undefined, versions: Map<string, Map<string, Set<string>>>): Box {
  const lines: Line[] = [{ text: `root ${rel(config, s.root)}${s.name === ROOT_SPACE ? " (the host's module system)" : ''}`, tone: 'dim' }]
  for (const [name, range] of s.shared) lines.push({ text: `shared   ${name}${range ? ` ${range}` : ''}`, tone: 'shared' })
  for (const name of s.isolated) lines.push({ text: `isolated ${name}`, tone: 'isolated' })
  for (const [specifier, target] of s.overrides) {
    lines.push(target.type === 'blocked' ? { text: `blocked  ${specifier}`, tone: 'blocked' } : { text: `override ${specifier} → ${target.written}`, tone: 'override' })
  }
  for (const [name, file] of Object.entries(s.entries)) lines.push({ text: `entry    ${name}: ${rel(config, file)}`, tone: 'dim' })
  if (s.name === config.native.pin && config.native.packages.size) lines.push({ text: `native   ${[...config.native.packages].join(', ')} pinned here`, tone: 'plain' })
  if (manifest) lines.push(...ownedLines(manifest, s.name, versions))
  const clipped = lines.map((l) => ({ ...l, text: clip(l.text) }))
  const chars = Math.max(s.name.length + (s.name === ROOT_SPACE ? 7 : s.delegation.length + 4), ...clipped.map((l) => l.text.length))
  return { space: s, lines: clipped, width: Math.max(220, Math.ceil(chars * CHAR) + 2 * PAD), height: HEADER + clipped.length * LINE + PAD - 4, x: 0, y: 0, children: [] }
}

/** What the space owns in the build, grouped by package, the ones loaded in two versions marked. */
function ownedLines(manifest: ModspaceManifest, space: string, versions: Map<string, Map<string, Set<string>>>): Line[] {
  const mine = manifest.modules.filter((m) => m.space === space)
  const counts = new Map<string, { count: number; twice: boolean }>()
  for (const m of mine) {
    const key = m.package ? `${m.package.name}@${m.package.version}` : m.kind === 'builtin' ? 'builtins' : 'files outside a package'
    const twice = m.package !== undefined && (versions.get(m.package.name)?.size ?? 0) > 1
    counts.set(key, { count: (counts.get(key)?.count ?? 0) + 1, twice })
  }
  const lines: Line[] = [{ text: `owns ${mine.length} module instance(s) in the build`, tone: 'plain' }]
  const sorted = [...counts].sort(([a, x], [b, y]) => Number(y.twice) - Number(x.twice) || (a < b ? -1 : 1))
  for (const [key, { count, twice }] of sorted.slice(0, MAX_PACKAGES)) {
    lines.push({ text: `  ${key} ×${count}${twice ? '  ⇄ two versions' : ''}`, tone: twice ? 'twice' : 'dim' })
  }
  if (sorted.length > MAX_PACKAGES) lines.push({ text: `  … ${sorted.length - MAX_PACKAGES} more package(s)`, tone: 'dim' })
  return lines
}

function legendLines(versions: Map<string, Map<string, Set<string>>>): Line[][] {
  const lines: Line[][] = [
    [{ text: '↑ delegates to its parent (parent-first: asks the parent first; self-first: its own root first)', tone: 'dim' }],
    [
      { text: 'shared', tone: 'shared' }, { text: ": always the parent's instance, range checked · ", tone: 'dim' },
      { text: 'isolated', tone: 'isolated' }, { text: ": always the space's own · ", tone: 'dim' },
      { text: 'override', tone: 'override' }, { text: ' · ', tone: 'dim' }, { text: 'blocked', tone: 'blocked' },
    ],
  ]
  for (const [name, byVersion] of versions) {
    if (byVersion.size < 2) continue
    const where = [...byVersion].map(([version, spaces]) => `${version} in ${[...spaces].join(', ')}`).join(' · ')
    lines.push([{ text: `⇄ ${name} loads in ${byVersion.size} versions: ${where}`, tone: 'twice' }])
  }
  return lines
}

function rowHeights(root: Box): number[] {
  const rows: number[] = []
  const walk = (box: Box, depth: number) => {
    rows[depth] = Math.max(rows[depth] ?? 0, box.height)
    for (const child of box.children) walk(child, depth + 1)
  }
  walk(root, 0)
  return rows
}

function subtreeWidth(box: Box): number {
  const children = box.children.reduce((sum, c, i) => sum + subtreeWidth(c) + (i ? GAP_X : 0), 0)
  return Math.max(box.width, children)
}

/** A tidy tree: each subtree gets its width, children side by side, a parent centred over them. */
function place(box: Box, left: number, top: number, rows: number[], depth = 0): void {
  const span = subtreeWidth(box)
  box.x = left + (span - box.width) / 2
  box.y = top
  const children = box.children.reduce((sum, c, i) => sum + subtreeWidth(c) + (i ? GAP_X : 0), 0)
  let x = left + (span - children) / 2
  for (const child of box.children) {
    place(child, x, top + rows[depth]! + GAP_Y, rows, depth + 1)
    x += subtreeWidth(child) + GAP_X
  }
}

function drawBox(box: Box): string {
  const s = box.space
  const isRoot = s.name === ROOT_SPACE
  const badge = isRoot ? 'host' : s.delegation
  const out = [
    `<g>`,
    `<rect x="${box.x}" y="${box.y}" width="${box.width}" height="${box.height}" rx="8" fill="${isRoot ? '#f1f3f6' : '#ffffff'}" stroke="${isRoot ? '#8a94a3' : '#3b6fd4'}" stroke-width="1.5"/>`,
    `<text x="${box.x + PAD}" y="${box.y + 22}" font-size="14" font-weight="bold" fill="${COLORS.plain}">${escapeXml(s.name)}</text>`,
    `<text x="${box.x + box.width - PAD}" y="${box.y + 22}" text-anchor="end" fill="${COLORS.dim}">${escapeXml(badge)}</text>`,
    ...box.lines.map((line, i) => text(box.x + PAD, box.y + HEADER + i * LINE, line)),
    `</g>`,
  ]
  return out.join('\n')
}

/** An arrow from the child up to its parent: where the child's delegation goes. */
function edge(parent: Box, child: Box): string {
  const x1 = child.x + child.width / 2
  const y1 = child.y
  const x2 = parent.x + parent.width / 2
  const y2 = parent.y + parent.height
  const mid = (y1 + y2) / 2
  return [
    `<path d="M ${x1} ${y1} C ${x1} ${mid}, ${x2} ${mid}, ${x2} ${y2 + 6}" fill="none" stroke="#8a94a3" stroke-width="1.5"/>`,
    `<path d="M ${x2 - 5} ${y2 + 12} L ${x2} ${y2 + 3} L ${x2 + 5} ${y2 + 12} Z" fill="#8a94a3"/>`,
  ].join('\n')
}

function text(x: number, y: number, line: Line): string {
  return `<text x="${x}" y="${y}" fill="${COLORS[line.tone]}" xml:space="preserve">${escapeXml(line.text)}</text>`
}

/** One line of text in several colours. */
function spans(x: number, y: number, parts: Line[]): string {
  const inner = parts.map((part) => `<tspan fill="${COLORS[part.tone]}">${escapeXml(part.text)}</tspan>`).join('')
  return `<text x="${x}" y="${y}" xml:space="preserve">${inner}</text>`
}

function clip(line: string): string {
  return line.length > MAX_CHARS ? `${line.slice(0, MAX_CHARS - 1)}…` : line
}

function rel(config: NormalizedConfig, path: string): string {
  const r = relative(config.baseDir, path)
  if (r === '') return '.'
  return r.startsWith('..') ? path : `./${r.split(sep).join('/')}`
}

function escapeXml(value: string): string {
  return value.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`)
}
