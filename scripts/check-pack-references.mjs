#!/usr/bin/env node
// Checks that the tarball `npm pack` would publish for the package in the current folder holds everything its own files
// point to: bins, `exports` targets, the `sources` of every source map, and every relative import of a .js or .d.ts.
// publint checks the package.json fields; nothing else checks the maps and imports, and a map pointing at a file that
// is not published makes debuggers and `--enable-source-maps` show nothing. Exits 1 with one line per broken
// reference.
import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { dirname, join, normalize } from 'node:path'
import ts from 'typescript'

const [{ files }] = JSON.parse(execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { encoding: 'utf8' }))
const packed = new Set(files.map((file) => normalize(file.path)))
const manifest = JSON.parse(readFileSync('package.json', 'utf8'))
const broken = []

function expect(target, from) {
  const path = normalize(target)
  if (!packed.has(path)) broken.push(`${from} → ${target} is not in the tarball`)
}

for (const bin of Object.values(typeof manifest.bin === 'string' ? { bin: manifest.bin } : manifest.bin ?? {})) expect(bin, 'package.json bin')
for (const target of exportTargets(manifest.exports)) expect(target, 'package.json exports')

for (const file of packed) {
  if (file.endsWith('.map')) {
    const map = JSON.parse(readFileSync(file, 'utf8'))
    for (const source of map.sources ?? []) expect(join(dirname(file), map.sourceRoot ?? '', source), file)
  } else if (/\.(?:c|m)?js$|\.d\.(?:c|m)?ts$/.test(file)) {
    const text = readFileSync(file, 'utf8')
    // TypeScript's pre-processor lists import/export/require/import() specifiers and skips comments and strings.
    for (const { fileName } of ts.preProcessFile(text, true, true).importedFiles) {
      if (fileName.startsWith('./') || fileName.startsWith('../')) expect(join(dirname(file), fileName), file)
    }
    const mapUrl = /\/\/# sourceMappingURL=(\S+)\s*$/.exec(text)?.[1]
    if (mapUrl && !mapUrl.startsWith('data:')) expect(join(dirname(file), mapUrl), file)
  }
}

if (broken.length > 0) {
  console.error(`${manifest.name}: ${broken.length} broken reference(s) in the packed files:\n${broken.join('\n')}`)
  process.exit(1)
}
process.stdout.write(`${manifest.name}: every reference in ${packed.size} packed files resolves inside the tarball\n`)

function* exportTargets(value) {
  if (typeof value === 'string') yield value
  else if (Array.isArray(value)) for (const item of value) yield* exportTargets(item)
  else if (value && typeof value === 'object') for (const item of Object.values(value)) yield* exportTargets(item)
}
