// What the demo compares across Node, Rollup and webpack: what each plugin says about itself, and which instances
// it holds, as facts that do not depend on where the code ran.
export function pluginFacts(chartsModule, legacyModule) {
  // A CommonJS plugin reaches ESM as its module.exports on `default` (a bundler may give only that).
  const charts = exportsOf(chartsModule)
  const legacy = exportsOf(legacyModule)
  const lines = [charts.describe(), legacy.describe()]
  const facts = {
    chartsLogger: charts.logger.version,
    legacyLogger: legacy.logger.version,
    loggersAreTwoInstances: charts.logger.token !== legacy.logger.token,
    uiKitIsOneInstance: charts.ui.token === legacy.ui.token,
    chartsNetIsFake: charts.net.fake === true,
  }
  return { lines: lines.map((l) => l.replace(/ \(mount #\d\)/, '')), facts }
}

function exportsOf(module) {
  return typeof module.describe === 'function' ? module : module.default
}
