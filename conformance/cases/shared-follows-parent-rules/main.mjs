export * as uiKit from 'ui-kit'
