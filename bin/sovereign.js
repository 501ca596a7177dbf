#!/usr/bin/env node
// The `sovereign` command. Sources are TypeScript, transpiled on load (lib/runtime/register.js).
require('../lib/runtime/register.js');
const { runCli } = require('../lib/cli/index.ts');
runCli(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
