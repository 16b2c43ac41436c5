export * as react from 'react'
