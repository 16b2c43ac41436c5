import { rspack, type Configuration, type Stats } from '@rspack/core'

/** Runs one real rspack build; resolves with the stats (errors included), rejects only when rspack itself fails. */
export function runRspack(config: Configuration): Promise<Stats> {
  return new Promise((resolve, reject) => {
    const compiler = rspack(config)
    compiler.run((error, stats) => {
      compiler.close(() => (error || !stats ? reject(error ?? new Error('rspack returned no stats')) : resolve(stats)))
    })
  })
}
