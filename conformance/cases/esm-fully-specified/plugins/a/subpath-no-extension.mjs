export * as sub from 'esm-lib/lib/sub'
