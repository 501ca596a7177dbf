/** Reading back what `sovereign handover` wrote, and checking it against the CRDs independently. */
import * as fs from 'fs';
import * as path from 'path';
import { parseAllDocuments } from 'yaml';
import { kindTarget, loadCrd, mappingEntries } from '../../lib/handover';

export interface WrittenManifest {
  readonly file: string;
  readonly doc: Record<string, any>;
}

/** Every YAML document under `dir` (recursively), with its file relative to `dir`. */
export function readManifests(dir: string): WrittenManifest[] {
  const out: WrittenManifest[] = [];
  const walk = (current: string) => {
    for (const entry of fs.readdirSync(current, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const full = path.join(current, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith('.yaml')) for (const d of parseAllDocuments(fs.readFileSync(full, 'utf8'))) out.push({ file: path.relative(dir, full), doc: d.toJS() });
    }
  };
  walk(dir);
  return out;
}

/** The CRD (from the map) of a managed resource's apiVersion and kind, found without the generator's own choice. */
export function crdOf(apiVersion: string, kind: string) {
  for (const entry of mappingEntries().values()) {
    for (const scope of ['namespaced', 'cluster'] as const) {
      const target = entry.kind ? kindTarget(entry, scope) : undefined;
      if (target && target.apiVersion === apiVersion && target.kind === kind) return loadCrd(target.crdFile, target.apiVersion);
    }
  }
  return undefined;
}

/** Problems of every managed resource under `dir` against its CRD, plus duplicate names per kind. */
export function independentProblems(dir: string): { problems: string[]; managed: WrittenManifest[] } {
  const problems: string[] = [];
  const managed = readManifests(dir).filter((m) => /^phase-[12]\//.test(m.file) && m.doc.kind !== 'Kustomization' && m.doc.kind !== 'ProviderConfig');
  const seen = new Set<string>();
  for (const m of managed) {
    const crd = crdOf(m.doc.apiVersion, m.doc.kind);
    if (!crd) {
      problems.push(`${m.file}: no CRD for ${m.doc.apiVersion} ${m.doc.kind}`);
      continue;
    }
    for (const p of crd.validate(m.doc)) problems.push(`${m.file} ${m.doc.metadata.name}: ${p}`);
    const key = `${m.file.split('/')[0]} ${m.doc.apiVersion} ${m.doc.kind} ${m.doc.metadata.namespace ?? ''} ${m.doc.metadata.name}`;
    if (seen.has(key)) problems.push(`duplicate ${key}`);
    seen.add(key);
  }
  return { problems, managed };
}
