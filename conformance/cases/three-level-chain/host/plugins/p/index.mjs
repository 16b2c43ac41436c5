export * as react from 'react'
export * as uiKit from 'ui-kit'
export * as chartLib from 'chart-lib'
