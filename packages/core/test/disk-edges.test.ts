import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { createGraph, createNodeHost } from '../src/index.js'

// Trees the default (Node) host meets on disk that an in-memory host cannot show: a file used as a folder, a link
// loop, importers written with `//`. Each answer is Node 24's on the same tree, checked when it was written
// (require.resolve; for the loop, import.meta.resolve: Node's require throws ERR_INVALID_PACKAGE_CONFIG there).
const dir = mkdtempSync(join(tmpdir(), 'modspace-disk-edges-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

function write(path: string, text = ''): void {
  mkdirSync(dirname(join(dir, path)), { recursive: true })
  writeFileSync(join(dir, path), text)
}

write('package.json', JSON.stringify({ name: 'edges', version: '1.0.0' }))
write('index.js')
write('node_modules/p/index.js')
write('node_modules/x/index.js')
write('sub/a.js')
write('p/a/package.json', JSON.stringify({ main: 'lib/a' }))
write('p/a/lib')
write('p/a/index.json', '{}')
write('real/plug/sub/node_modules/dep/index.js')
write('real/plug/sub/a.js')
write('node_modules/dep/index.js')
mkdirSync(join(dir, 'sub/node_modules'), { recursive: true })
// A link to itself: every lookup through it fails with ELOOP.
symlinkSync(join(dir, 'sub/node_modules/x'), join(dir, 'sub/node_modules/x'))
symlinkSync(join(dir, 'real/plug'), join(dir, 'link'))

const graph = createGraph({ spaces: { p: { root: './real/plug', delegation: 'self-first' } } }, { cwd: dir })
const ask = (specifier: string, importer: string, kind: 'import' | 'require' = 'require') =>
  graph.resolve({ space: 'root', specifier, importer: join(dir, importer), kind })

describe('the Node host on awkward trees', () => {
  it('a file used as a folder is not found, not an ENOTDIR', () => {
    expect(() => ask('./index.js/x', 'index.js')).toThrow(expect.objectContaining({ code: 'MODSPACE_NOT_FOUND' }))
    expect(() => ask('p/index.js/foo', 'index.js')).toThrow(expect.objectContaining({ code: 'MODSPACE_NOT_FOUND' }))
  })

  it("a main that runs through a file falls back to the folder's index, as in Node", () => {
    expect(ask('./p/a', 'index.js').id).toBe(join(dir, 'p/a/index.json'))
  })

  it('a link loop in node_modules is passed over, not an ELOOP', () => {
    expect(ask('x', 'sub/a.js', 'import').id).toBe(join(dir, 'node_modules/x/index.js'))
  })

  it('an importer written with // through a linked folder keeps its space and its copy', () => {
    const result = graph.resolve({ space: 'p', specifier: 'dep', importer: `${dir}/link//sub/a.js`, kind: 'require' })
    expect(result.id).toBe(join(dir, 'real/plug/sub/node_modules/dep/index.js'))
    expect(result.space).toBe('p')
    expect(graph.spaceForFile(`${dir}/link//sub/a.js`)).toBe('p')
  })
})

describe("the file version the host's lstat saw", () => {
  it('is handed on for a resolved file (mtime and size, as stat gives them), and not for a link or an unseen path', async () => {
    const { statSync } = await import('node:fs')
    const graph = createGraph({ spaces: { app: { root: '.' } } }, { cwd: dir })
    const file = graph.resolve({ space: 'app', specifier: './sub/a.js', importer: join(dir, 'index.js') }).id
    const stat = statSync(file)
    expect(graph.host.fileVersion(file)).toEqual({ mtimeMs: stat.mtimeMs, size: stat.size })
    expect(graph.host.fileVersion(join(dir, 'never-resolved.js'))).toBeUndefined()
  })

  it('is handed on for a package found through a listed node_modules folder', async () => {
    const { statSync } = await import('node:fs')
    const graph = createGraph({ spaces: { app: { root: '.' } } }, { cwd: dir })
    const file = graph.resolve({ space: 'app', specifier: 'p', importer: join(dir, 'index.js'), kind: 'require' }).id
    expect(file).toBe(join(dir, 'node_modules/p/index.js'))
    expect(graph.host.fileVersion(file)).toEqual({ mtimeMs: statSync(file).mtimeMs, size: statSync(file).size })
  })
})

describe("the Node host's folder listing", () => {
  it('tells files, folders and links apart without following a link, and gives nothing for a missing folder', () => {
    const host = createNodeHost()
    expect(host.entries!(join(dir, 'sub/node_modules'))).toEqual(new Map([['x', 'symlink']]))
    expect(host.entries!(join(dir, 'node_modules/p'))).toEqual(new Map([['index.js', 'file']]))
    expect(host.entries!(join(dir, 'real'))).toEqual(new Map([['plug', 'directory']]))
    expect(host.entries!(join(dir, 'missing'))).toBeUndefined()
    expect(host.entries!(join(dir, 'index.js'))).toBeUndefined()
  })
})
