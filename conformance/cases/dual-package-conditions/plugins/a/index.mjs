export * as dual from 'dual'
export * as platform from 'dual/platform'
