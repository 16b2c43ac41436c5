/* global document */
// The host page's script: it owns the event bus, and mounts each plugin that announces itself on it.
import { bus, version } from '@mfe/host-bus'

const host = { bus, version, plugins: [] }
globalThis.mfeHost = host

bus.on('plugin', (plugin) => {
  host.plugins.push(plugin)
  plugin.mount(document.getElementById(plugin.name))
  const instances = new Set(host.plugins.map((p) => p.preactOptions)).size
  document.getElementById('host-status').textContent =
    `host: @mfe/host-bus@${version} · ${host.plugins.length} plugin(s) mounted · ${instances} Preact instance(s) on the page`
})
