export * as react from 'react'
export * as uiKit from 'ui-kit'
