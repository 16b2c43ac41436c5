// space a's logger override, which needs dep@^2
export const token = {}
export * as dep from 'dep'
