export * as other from 'other'
export * as dep from 'dep'
