export * as dep from 'dep'
export * as other from 'other'
