#!/usr/bin/env node
// Writes dist/modspace.schema.json, the JSON Schema editors use for modspace.config.json, from the same TypeScript
// types (and their JSDoc) that `defineConfig` checks: the schema cannot drift from the types, and a test holds the
// schema to the validation (test/config-schema.test.ts).
import { mkdirSync, writeFileSync } from 'node:fs'
import { createGenerator } from 'ts-json-schema-generator'

const schema = createGenerator({
  path: 'src/config/types.ts',
  tsconfig: 'tsconfig.build.json',
  type: 'ModspaceConfig',
  additionalProperties: false,
  skipTypeCheck: true,
}).createSchema('ModspaceConfig')
schema.title = 'modspace config'
mkdirSync('dist', { recursive: true })
writeFileSync('dist/modspace.schema.json', `${JSON.stringify(schema, null, 2)}\n`)
