// A plugin with state: it counts the host's ticks. Reloading another plugin must not reset it.
let ticks = 0

export function tick() {
  ticks += 1
}

export function status() {
  return `${ticks} ticks`
}
