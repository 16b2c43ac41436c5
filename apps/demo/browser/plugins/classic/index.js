// A plugin written against Preact 10, with a class component. It renders what it holds: its Preact, and the bus.
import { Component, h, options, render } from 'preact'
import preactPackage from 'preact/package.json'
import { bus, version as busVersion } from '@mfe/host-bus'

const holdsHostBus = bus === globalThis.mfeHost?.bus

class Card extends Component {
  render() {
    return h('section', { class: 'card classic' }, [
      h('h2', null, 'classic'),
      h('p', { 'data-fact': 'preact' }, `preact ${preactPackage.version}`),
      h('p', { 'data-fact': 'bus' }, holdsHostBus ? `✓ the host's bus (@mfe/host-bus@${busVersion})` : `✗ its own bus (@mfe/host-bus@${busVersion})`),
      h('p', { class: 'how' }, 'class component · Preact 10'),
    ])
  }
}

bus.emit('plugin', {
  name: 'classic',
  preact: preactPackage.version,
  preactOptions: options,
  bus,
  mount: (element) => render(h(Card), element),
})
