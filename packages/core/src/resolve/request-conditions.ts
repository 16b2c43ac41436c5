/**
 * The export conditions one request matches: the configured (or requested) ones, then what the kind of request adds.
 * `import` or `require` follows the kind. Where the conditions target Node (`node` is among them), the core also
 * matches what Node 24 matches by default for both kinds: `module-sync` (an ES module graph without top-level await,
 * which `require()` can load) and `node-addons`. A browser target drops `node`, and with it these two.
 */
export function requestConditions(base: readonly string[], kind: 'import' | 'require'): string[] {
  const conditions = [...base, kind]
  if (base.includes('node')) conditions.push('module-sync', 'node-addons')
  return conditions
}
