import { greeting } from './phrases.js'

// A table the plugin builds as it loads (a few MiB): if a reload leaked the old space, the heap the host prints after
// each reload would grow by that much every time.
const table = Array.from({ length: 100_000 }, (_, i) => `${greeting} #${i}`)
let ticks = 0

export function tick() {
  ticks += 1
}

export function status() {
  return `"${table[0].slice(0, -3)}, world" (${ticks} ticks since it loaded)`
}
