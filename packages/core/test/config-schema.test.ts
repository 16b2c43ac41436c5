import { readFileSync } from 'node:fs'
import { Ajv } from 'ajv'
import { describe, expect, it } from 'vitest'
import { loadCorpus } from '@modspace/test-utils'
import { createGraph, ModspaceError } from '../src/index.js'

// The published JSON Schema (dist/modspace.schema.json, written by the build from src/config/types.ts) held to the
// validation: an editor must never flag a config modspace accepts, must flag the shapes modspace refuses, and must
// describe every option it completes.
const schema = JSON.parse(readFileSync(new URL('../dist/modspace.schema.json', import.meta.url), 'utf8'))
const validate = new Ajv({ strict: false }).compile(schema)

function accepted(config: unknown, cwd: string): boolean {
  try {
    createGraph(config as never, { cwd })
    return true
  } catch (error) {
    if (!(error instanceof ModspaceError)) throw error
    return false
  }
}

const corpus = loadCorpus().map((c) => [c.name, c] as const)

// [description, config]: shapes the validation refuses, which the schema must refuse too.
const refused: Array<[string, unknown]> = [
  ['no spaces', {}],
  ['an unknown top-level option', { spaces: {}, spacez: {} }],
  ['an unknown space option', { spaces: { a: { rot: '.' } } }],
  ['a delegation that does not exist', { spaces: { a: { delegation: 'child-first' } } }],
  ['shared as a string', { spaces: { a: { shared: 'react' } } }],
  ['a number in shared', { spaces: { a: { shared: [1] } } }],
  ['a range that is not a string', { spaces: { a: { shared: { react: 18 } } } }],
  ['an override to true', { spaces: { a: { overrides: { 'node:fs': true } } } }],
  ['isolated as an object', { spaces: { a: { isolated: { lodash: true } } } }],
  ['onConflict other than error or warn', { spaces: {}, native: { onConflict: 'ignore' } }],
  ['conditions as a string', { spaces: {}, conditions: 'node' }],
  ['an entry that is not a string', { spaces: { a: { entries: { main: 1 } } } }],
]

describe('the config JSON Schema', () => {
  it.each(corpus)('accepts %s whenever modspace accepts its config', (_name, c) => {
    const config = JSON.parse(readFileSync(c.configFile, 'utf8'))
    if (accepted(config, c.dir)) expect(validate(config), JSON.stringify(validate.errors)).toBe(true)
  })

  it('accepts $schema, which a modspace.config.json names for its editor', () => {
    const config = { $schema: './node_modules/@modspace/core/dist/modspace.schema.json', spaces: {} }
    expect(accepted(config, process.cwd())).toBe(true)
    expect(validate(config)).toBe(true)
  })

  it.each(refused)('refuses %s, as modspace does', (_description, config) => {
    expect(accepted(config, process.cwd())).toBe(false)
    expect(validate(config)).toBe(false)
  })

  it('describes every option an editor completes', () => {
    const undocumented: string[] = []
    for (const [typeName, definition] of Object.entries(schema.definitions as Record<string, { properties?: Record<string, { description?: string }> }>)) {
      for (const [option, property] of Object.entries(definition.properties ?? {})) {
        if (!property.description) undocumented.push(`${typeName}.${option}`)
      }
    }
    expect(undocumented).toEqual([])
  })
})
