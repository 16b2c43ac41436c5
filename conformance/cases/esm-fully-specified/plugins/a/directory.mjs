export * as src from './src'
