export * as shared from './shared.mjs'
