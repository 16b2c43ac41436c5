export * as react from 'react'
export * as impl from 'react/cjs/react.js'
