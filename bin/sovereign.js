#!/usr/bin/env node
// The `sovereign` command. Sources are TypeScript, loaded through tsx (transpile only, no type-check).
require('tsx/cjs');
require('../lib/runtime/fast-start.ts');
const { runCli } = require('../lib/cli/index.ts');
runCli(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
