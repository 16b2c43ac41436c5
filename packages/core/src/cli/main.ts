#!/usr/bin/env node
import { runCli } from './run-cli.js'
import { useColor } from './use-color.js'

process.exitCode = await runCli(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(`${text}\n`),
  stderr: (text) => process.stderr.write(`${text}\n`),
  color: useColor(process.env, process.stdout.isTTY === true),
  cwd: process.cwd(),
})
