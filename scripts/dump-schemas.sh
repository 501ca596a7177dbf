#!/usr/bin/env bash
# Writes providers/schemas/<name>.json for every provider built by scripts/tools.sh ("build": true
# in versions.json), or only for the names given as arguments:
#   scripts/dump-schemas.sh            # all built providers
#   scripts/dump-schemas.sh hcloud     # just one
# Each file is the `tofu providers schema -json` document restricted to that provider's key in
# provider_schemas, with object keys sorted and 2-space indentation, so a re-run with the same
# provider version gives a byte-identical file. Needs `npm run tools` (or scripts/tools.sh tofu
# providers) first.
set -euo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
OUT="$REPO/providers/schemas"
TOFU="$REPO/scripts/tofu"

WORK="$(mktemp -d "${TMPDIR:-/tmp}/sovereign-schemas.XXXXXX")"
trap 'rm -rf "$WORK"' EXIT

# main.tf.json requiring the selected providers, plus a name<TAB>source list for the split below.
node - "$REPO/versions.json" "$WORK" "$@" <<'EOF'
const fs = require("fs");
const [versionsFile, work, ...wanted] = process.argv.slice(2);
const providers = JSON.parse(fs.readFileSync(versionsFile, "utf8")).providers || {};
const names = wanted.length ? wanted : Object.keys(providers).filter((n) => providers[n].build === true);
const required = {};
for (const name of names) {
  const p = providers[name];
  if (!p || p.build !== true) {
    console.error(`dump-schemas: '${name}' is not a built provider in versions.json`);
    process.exit(2);
  }
  required[name] = { source: p.source, version: p.version };
}
if (!names.length) {
  console.error("dump-schemas: no provider with \"build\": true in versions.json");
  process.exit(2);
}
fs.writeFileSync(`${work}/main.tf.json`, JSON.stringify({ terraform: { required_providers: required } }, null, 2));
fs.writeFileSync(`${work}/providers.tsv`, names.map((n) => `${n}\t${required[n].source}\n`).join(""));
EOF

cd "$WORK"
if ! "$TOFU" init -backend=false -input=false -no-color >init.log 2>&1; then
  cat init.log >&2
  echo "dump-schemas: tofu init failed (is the provider mirror built? run npm run tools)" >&2
  exit 1
fi
"$TOFU" providers schema -json >schema.json

mkdir -p "$OUT"
node - "$WORK/schema.json" "$WORK/providers.tsv" "$OUT" <<'EOF'
const fs = require("fs");
const [schemaFile, listFile, out] = process.argv.slice(2);
const doc = JSON.parse(fs.readFileSync(schemaFile, "utf8"));
const sortKeys = (v) =>
  Array.isArray(v)
    ? v.map(sortKeys)
    : v && typeof v === "object"
      ? Object.fromEntries(Object.keys(v).sort().map((k) => [k, sortKeys(v[k])]))
      : v;
for (const line of fs.readFileSync(listFile, "utf8").split("\n").filter(Boolean)) {
  const [name, source] = line.split("\t");
  const schema = doc.provider_schemas && doc.provider_schemas[source];
  if (!schema) {
    console.error(`dump-schemas: ${source} missing from 'tofu providers schema -json'`);
    process.exit(1);
  }
  const { provider_schemas: _, ...rest } = doc;
  const text = JSON.stringify(sortKeys({ ...rest, provider_schemas: { [source]: schema } }), null, 2) + "\n";
  // Write then rename, so a failed run never leaves a truncated schema behind.
  fs.writeFileSync(`${out}/${name}.json.tmp`, text);
  fs.renameSync(`${out}/${name}.json.tmp`, `${out}/${name}.json`);
  const count = (o) => Object.keys(o || {}).length;
  console.log(
    `dump-schemas: providers/schemas/${name}.json (${source}: ${count(schema.resource_schemas)} resources, ` +
      `${count(schema.data_source_schemas)} data sources, ${text.length} bytes)`
  );
}
EOF
