export * as dep from 'dep'
