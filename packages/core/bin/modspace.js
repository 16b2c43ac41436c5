#!/usr/bin/env node
// Committed, not built: npm links a package's bins when it installs it, which in this repo is before the first build.
// A bin pointing into dist/ would not exist then, so npm would skip the link and `npx modspace` would go to the registry.
import '../dist/cli/main.js'
