export * as dep from 'dep'
export * as state from './lib/state.mjs'
