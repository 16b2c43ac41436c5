export * as uiKit from 'ui-kit'
export * as dep from 'dep'
