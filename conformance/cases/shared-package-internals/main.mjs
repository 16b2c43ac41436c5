export * as impl from 'react/cjs/react.js'
