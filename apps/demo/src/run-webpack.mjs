import webpack from 'webpack'

/** Runs one webpack build and closes the compiler; a build with errors rejects with webpack's error text. */
export async function runWebpack(options) {
  const compiler = webpack({ infrastructureLogging: { level: 'error' }, ...options })
  const stats = await new Promise((resolve, reject) => compiler.run((error, result) => (error ? reject(error) : resolve(result))))
  await new Promise((resolve) => compiler.close(resolve))
  if (stats.hasErrors()) throw new Error(stats.toString({ all: false, errors: true }))
  return stats
}
