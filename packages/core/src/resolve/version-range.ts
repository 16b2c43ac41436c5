import { createRequire } from 'node:module'
import type Semver from 'semver'

/**
 * Version ranges as `semver` reads them (prereleases included, as the spec's rules compare them), with the usual
 * cases answered without it: `semver` costs ~20 ms of CPU to load and its first range parses are dear in a cold
 * process (each of its regular expressions compiled on first use), while most declared ranges are `^x.y.z`, `~x.y.z`,
 * `>=x.y.z` or `x.y.z` against a plain `x.y.z` version. Anything else goes to `semver`, loaded on first need.
 */
export function satisfiesRange(version: string, range: string): boolean {
  const v = PLAIN_VERSION.exec(version)
  const r = v && SIMPLE_RANGE.exec(range)
  if (!v || !r) return semver().satisfies(version, range, { includePrerelease: true })
  const major = Number(v[1])
  const minor = Number(v[2])
  const patch = Number(v[3])
  const rMajor = Number(r[2])
  const rMinor = Number(r[3])
  const rPatch = Number(r[4])
  const atLeast = major !== rMajor ? major > rMajor : minor !== rMinor ? minor > rMinor : patch >= rPatch
  switch (r[1]) {
    case '>=':
      return atLeast
    case '~':
      // >=x.y.z <x.(y+1).0-0
      return atLeast && major === rMajor && minor === rMinor
    case '^':
      // The left-most non-zero part is fixed: ^1.2.3 <2.0.0-0, ^0.2.3 <0.3.0-0, ^0.0.3 <0.0.4-0.
      if (rMajor !== 0) return atLeast && major === rMajor
      if (rMinor !== 0) return atLeast && major === 0 && minor === rMinor
      return major === 0 && minor === 0 && patch === rPatch
    default:
      return major === rMajor && minor === rMinor && patch === rPatch
  }
}

/** `semver.validRange(range) !== null`, without loading `semver` for the usual forms. */
export function isValidRange(range: string): boolean {
  return SIMPLE_RANGE.test(range) || semver().validRange(range) !== null
}

/** A release version, each part at most 15 digits (semver refuses parts above `Number.MAX_SAFE_INTEGER`). */
const PLAIN_VERSION = /^(0|[1-9]\d{0,14})\.(0|[1-9]\d{0,14})\.(0|[1-9]\d{0,14})$/
const SIMPLE_RANGE = /^(\^|~|>=)?(0|[1-9]\d{0,14})\.(0|[1-9]\d{0,14})\.(0|[1-9]\d{0,14})$/

let loaded: typeof Semver | undefined
/** `semver` itself, loaded on first use. */
export function semver(): typeof Semver {
  return (loaded ??= createRequire(import.meta.url)('semver') as typeof Semver)
}
