import { sep } from 'node:path'
import { createSpaces } from '@modspace/node-adapter'
import { describeError } from './locate-error.mjs'

/**
 * The plugins of one config, each live in its space, each loaded again on its own. A space cannot be loaded twice
 * (after `dispose()` it refuses), and a set of spaces reads each file once for its lifetime, so a reload takes the
 * plugin's space from a fresh `createSpaces()`: only that space of the new set is ever used, and the other plugins
 * keep the spaces (and the state) they have.
 */
export class PluginHost {
  #dir
  /** name → { space, module } for a loaded plugin, { error } for one that failed to load. */
  #plugins = new Map()
  #roots = new Map()

  constructor(dir) {
    this.#dir = dir
  }

  /** Loads every space that has a `main` entry. */
  async start() {
    const spaces = await createSpaces(this.#dir)
    for (const space of spaces) {
      const { root, entries } = spaces.graph.space(space.name)
      if (!entries.main) continue
      this.#roots.set(space.name, root)
      await this.#load(space.name, spaces)
    }
  }

  get names() {
    return [...this.#plugins.keys()]
  }

  /** The plugins whose space root holds `file` (several spaces may share a folder). */
  ownersOf(file) {
    return this.names.filter((name) => file.startsWith(this.#roots.get(name) + sep))
  }

  /** Disposes the plugin's space, then loads it in a new one. Resolves to the load error's description, if any. */
  async reload(name) {
    await this.#plugins.get(name)?.space?.dispose()
    this.#plugins.delete(name)
    let spaces
    try {
      spaces = await createSpaces(this.#dir)
    } catch (error) {
      return this.#fail(name, error)
    }
    return this.#load(name, spaces)
  }

  /** Every loaded plugin's `tick()`; the first error a plugin's tick throws is printed, the plugin stays loaded. */
  tick() {
    for (const name of this.names) {
      const plugin = this.#plugins.get(name)
      const { error } = this.#call(plugin, 'tick')
      if (error && !plugin.tickFailed) console.log(`✗ ${name}: tick() threw: ${error}`)
      plugin.tickFailed ||= error !== undefined
    }
  }

  status() {
    return this.names.map((name) => {
      const plugin = this.#plugins.get(name)
      if (plugin.error) return `${name}: not loaded (${plugin.error})`
      const { value, error } = this.#call(plugin, 'status')
      return `${name}: ${error ? `status() threw: ${error}` : value ?? 'loaded'}`
    }).join(' · ')
  }

  /** A plugin's export, called by the host: `{ value }`, or `{ error }` described with its file:line. */
  #call(plugin, method) {
    try {
      return { value: plugin.module?.[method]?.() }
    } catch (error) {
      return { error: describeError(error, this.#dir) }
    }
  }

  async dispose() {
    for (const plugin of this.#plugins.values()) await plugin.space?.dispose()
    this.#plugins.clear()
  }

  async #load(name, spaces) {
    const space = spaces.get(name)
    try {
      const module = await space.import(spaces.graph.space(name).entries.main)
      this.#plugins.set(name, { space, module })
      return undefined
    } catch (error) {
      // What the failed load made is dropped with the space; the plugin comes back when its files are fixed.
      await space.dispose()
      return this.#fail(name, error)
    }
  }

  #fail(name, error) {
    const description = describeError(error, this.#dir)
    this.#plugins.set(name, { error: description })
    return description
  }
}
