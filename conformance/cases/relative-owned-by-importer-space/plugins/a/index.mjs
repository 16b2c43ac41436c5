export * as shared from './lib/shared.mjs'
