#!/usr/bin/env node
// Forge cannot download a native solc on this machine, so it runs this wrapper around the npm
// `solc` package (solc-js, wasm) instead. Forge only needs two things from a compiler binary:
// `--version` answering `Version: <semver>`, and standard JSON in on stdin, out on stdout.
'use strict'

const fs = require('node:fs')
const path = require('node:path')
const solc = require('solc')

if (process.argv.includes('--version')) {
  process.stdout.write(`solc, the solidity compiler commandline interface\nVersion: ${solc.version()}\n`)
  process.exit(0)
}

const chunks = []
process.stdin.on('data', (chunk) => chunks.push(chunk))
process.stdin.on('end', () => {
  // Forge hands over the sources it resolved, but solc normalizes some relative imports (`../x`
  // inside node_modules) to names forge did not send: read those from disk, as native solc does.
  const findImports = (name) => {
    try {
      return { contents: fs.readFileSync(path.resolve(process.cwd(), name), 'utf8') }
    } catch (error) {
      return { error: `${name}: ${error.message}` }
    }
  }
  process.stdout.write(solc.compile(Buffer.concat(chunks).toString('utf8'), { import: findImports }))
})
