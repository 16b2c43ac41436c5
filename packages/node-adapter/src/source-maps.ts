import Module from 'node:module'

type CompilingModule = Module & { _compile(content: string, filename: string): unknown }

/**
 * With `--enable-source-maps` (or `process.setSourceMapsEnabled(true)`), Node maps stack frames by the source maps of
 * the files its own loaders compiled, kept in a cache that has no public way in and to which `vm` adds nothing. The
 * file's `sourceMappingURL` comment, compiled alone by Node's CommonJS compile step under the file's name, puts the
 * file's map there, by Node's own rules (which files, where the map is read from): the frames of the space's code for
 * the file, which carry its name, are then mapped as Node maps the file's. The comment alone runs nothing.
 */
export function registerSourceMap(file: string, source: string): void {
  if (!process.sourceMapsEnabled) return
  const at = source.lastIndexOf('sourceMappingURL=')
  if (at === -1) return
  const end = source.indexOf('\n', at)
  const line = source.slice(source.lastIndexOf('\n', at) + 1, end === -1 ? undefined : end).trim()
  // Only a comment of its own line: the same text in a string or after code is not the file's map.
  if (!/^\/\/[#@] sourceMappingURL=\S+$/.test(line)) return
  ;(new Module(file) as CompilingModule)._compile(line, file)
}
