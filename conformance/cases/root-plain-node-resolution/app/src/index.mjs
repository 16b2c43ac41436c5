export * as dep from 'dep'
export * as topDep from '../../node_modules/dep/index.js'
