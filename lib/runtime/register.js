'use strict';
/**
 * Lets Node run this project's TypeScript directly: every entry point (npm run synth, cdktf.json's
 * app, bin/sovereign.js, the scripts) starts with `--require ./lib/runtime/register.js`.
 *
 * Why not tsx or ts-node: synth speed is a feature (bench/README.md). This hook only transpiles .ts
 * files (esbuild, no type-check — `npm run typecheck` does that), leaves every .js file of
 * node_modules alone (tsx scans each one for ESM syntax: ~130 ms on the large provider bindings),
 * and keeps transpiled code in node_modules/.cache/sovereign-tofu/ts keyed by the sha1 of esbuild's
 * version, the file name and its source. Source maps stay off: cdktf records a stack trace for
 * every token it creates, and mapping those costs ~0.2 s per synth; our errors carry their own file
 * and JSON pointer. SOVEREIGN_SOURCE_MAPS=1 turns Node's source-map support back on.
 */
const crypto = require('crypto');
const fs = require('fs');
const path = require('path');

const ROOT = path.resolve(__dirname, '..', '..');
const CACHE_DIR = path.join(ROOT, 'node_modules', '.cache', 'sovereign-tofu', 'ts');
const ESBUILD_VERSION = require('esbuild/package.json').version;
// The compiler options esbuild honours (target, class field semantics, decorators) come from the
// project's tsconfig.json, as for tsc.
const TSCONFIG = JSON.parse(fs.readFileSync(path.join(ROOT, 'tsconfig.json'), 'utf8'));

let esbuild;
let cacheWritable = true;

function transpile(source, filename) {
  const key = crypto.createHash('sha1').update(`${ESBUILD_VERSION}\0${filename}\0`).update(source).digest('hex');
  const cached = path.join(CACHE_DIR, `${key}.js`);
  try {
    return fs.readFileSync(cached, 'utf8');
  } catch {
    // not transpiled yet
  }
  esbuild = esbuild || require('esbuild');
  const { code } = esbuild.transformSync(source, { loader: 'ts', format: 'cjs', target: 'node20', sourcefile: filename, tsconfigRaw: TSCONFIG });
  if (cacheWritable) {
    try {
      fs.mkdirSync(CACHE_DIR, { recursive: true });
      const scratch = `${cached}.${process.pid}.tmp`;
      fs.writeFileSync(scratch, code);
      fs.renameSync(scratch, cached);
    } catch {
      cacheWritable = false; // a read-only checkout only costs the transpile time
    }
  }
  return code;
}

require.extensions['.ts'] = (module, filename) => {
  module._compile(transpile(fs.readFileSync(filename, 'utf8'), filename), filename);
};

if (process.env.SOVEREIGN_SOURCE_MAPS === '1') {
  process.setSourceMapsEnabled(true);
}
