export * as logger from 'logger'
export * as dep from 'dep'
