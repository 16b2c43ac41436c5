export * as sub from 'left-pad/sub.js'
