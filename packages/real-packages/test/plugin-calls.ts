// What test/side-by-side.test.ts asks of each plugin fixture, natively (native/plugins.mjs) and in its space. Only
// erasable TypeScript here: Node runs this file as it is.
export const pluginCalls: Record<string, (ns: any) => unknown> = {
  'cjs-plugin': (ns) => ns.describe(['side', 'by', 'side']),
  'esm-plugin': (ns) => ns.describe(['side', 'by', 'side']),
  'react18-plugin': (ns) => ns.render('space'),
  'react19-plugin': (ns) => ns.render('space'),
}
