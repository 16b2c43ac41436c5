// The build's last step: stores the digest of the built code in dist, so that a process does not hash the adapter's
// files each time it starts (see codeDigest in src/cache/cache-key.ts, which checks it is still of these files).
import { fileURLToPath } from 'node:url'
import { writeCodeDigest } from '../dist/cache/cache-key.js'

writeCodeDigest(fileURLToPath(new URL('../dist', import.meta.url)))
