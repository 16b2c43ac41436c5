/** The host page: a slot per plugin, and the bundle's scripts in order (the host's first, so the bus exists). */
export function pageHtml({ bundler, scripts }) {
  const tags = scripts.map(({ src, module }) => `<script ${module ? 'type="module"' : 'defer'} src="${src}"></script>`).join('\n    ')
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8">
    <link rel="icon" href="data:,">
    <title>modspace · micro-frontends (${bundler})</title>
    <style>
      body { font: 16px/1.45 system-ui, sans-serif; margin: 0; padding: 28px 32px; background: #f6f7f9; color: #1d2330; }
      header h1 { font-size: 22px; margin: 0 0 4px; }
      header p { margin: 0 0 22px; color: #566; }
      .slots { display: flex; gap: 20px; }
      .slot { flex: 1; }
      .card { border-radius: 10px; padding: 16px 20px; background: #fff; box-shadow: 0 1px 3px #0002; border-top: 6px solid; }
      .card.classic { border-color: #673ab8; }
      .card.modern { border-color: #0a8f7f; }
      .card h2 { margin: 0 0 8px; font-size: 18px; }
      .card p { margin: 4px 0; }
      [data-fact="preact"] { font: 600 20px ui-monospace, monospace; }
      .how { color: #667; font-size: 14px; }
      button { margin-top: 8px; font: inherit; font-size: 14px; padding: 4px 10px; border-radius: 6px; border: 1px solid #0a8f7f; background: #e8f6f4; }
    </style>
  </head>
  <body>
    <header>
      <h1>One page, two Preacts, one event bus</h1>
      <p id="host-status">the host is loading…</p>
      <p>built by ${bundler} with @modspace/${bundler}-plugin: each plugin is a module space</p>
    </header>
    <div class="slots"><div class="slot" id="classic"></div><div class="slot" id="modern"></div></div>
    ${tags}
  </body>
</html>
`
}
