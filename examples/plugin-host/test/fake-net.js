// The charts plugin's tests run against this instead of the real `node:net`; no other space sees it.
export const fake = true
export const token = {}
export function connect() {
  throw new Error('network disabled in the charts space')
}
export default { fake, token, connect }
