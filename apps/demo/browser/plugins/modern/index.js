// A plugin written against Preact 11, with hooks. Its own node_modules holds @mfe/host-bus@1.1.0 too, and it
// resolves self-first: only the config's `shared` makes it take the host's bus.
import { h, options, render } from 'preact'
import { useState } from 'preact/hooks'
import preactPackage from 'preact/package.json'
import { bus, version as busVersion } from '@mfe/host-bus'

const holdsHostBus = bus === globalThis.mfeHost?.bus

function Card() {
  const [clicks, setClicks] = useState(0)
  return h('section', { class: 'card modern' }, [
    h('h2', null, 'modern'),
    h('p', { 'data-fact': 'preact' }, `preact ${preactPackage.version}`),
    h('p', { 'data-fact': 'bus' }, holdsHostBus ? `✓ the host's bus (@mfe/host-bus@${busVersion})` : `✗ its own bus (@mfe/host-bus@${busVersion})`),
    h('button', { onClick: () => setClicks(clicks + 1) }, `hooks · Preact 11 · clicked ${clicks}`),
  ])
}

bus.emit('plugin', {
  name: 'modern',
  preact: preactPackage.version,
  preactOptions: options,
  bus,
  mount: (element) => render(h(Card), element),
})
