export { token } from './src/util.mjs'
