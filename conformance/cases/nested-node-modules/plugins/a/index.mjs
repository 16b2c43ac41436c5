export * as dep from 'dep'
export * as lib from 'lib'
