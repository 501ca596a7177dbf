/**
 * The hand-over as files: deterministic YAML (keys sorted, no line folding, documents sorted by
 * name), one file per kind and phase, kustomizations, Secret templates and the README. Same
 * hand-over in, same bytes out.
 */
import { stringify } from 'yaml';
import { loadTemplate } from '../templates';
import { AdoptedResource, Handover, Manifest } from './manifests';

/** One YAML document: keys sorted at every level, long strings never folded. */
export function yamlDocument(value: unknown): string {
  return stringify(value, { sortMapEntries: true, lineWidth: 0, minContentWidth: 0 });
}

/** Several documents in one file, separated by `---`. */
export function yamlStream(values: readonly unknown[]): string {
  return values.map((v) => `---\n${yamlDocument(v)}`).join('');
}

function kindFile(a: AdoptedResource): string {
  return `${a.target.kind.toLowerCase()}.${a.target.apiVersion.split('/')[0]}.yaml`;
}

function byName(a: { metadata: Record<string, unknown> }, b: { metadata: Record<string, unknown> }): number {
  return String(a.metadata.name).localeCompare(String(b.metadata.name));
}

function kustomization(resources: readonly string[]): string {
  return yamlDocument({ apiVersion: 'kustomize.config.k8s.io/v1beta1', kind: 'Kustomization', resources: [...resources].sort() });
}

/** Relative path → file content of the whole hand-over of one stack. */
export function renderHandover(handover: Handover): Map<string, string> {
  const files = new Map<string, string>();
  for (const phase of ['phase-1', 'phase-2'] as const) {
    const groups = new Map<string, Manifest[]>();
    for (const a of handover.adopted) {
      const file = kindFile(a);
      groups.set(file, [...(groups.get(file) ?? []), phase === 'phase-1' ? a.phase1 : a.phase2]);
    }
    const names: string[] = [];
    if (phase === 'phase-1' && handover.providerConfigs.length) {
      files.set(`${phase}/provider-configs.yaml`, yamlStream([...handover.providerConfigs].sort((a, b) => `${a.apiVersion}/${a.metadata.name}`.localeCompare(`${b.apiVersion}/${b.metadata.name}`))));
      names.push('provider-configs.yaml');
    }
    for (const [file, manifests] of [...groups].sort(([a], [b]) => a.localeCompare(b))) {
      files.set(`${phase}/${file}`, yamlStream([...manifests].sort(byName)));
      names.push(file);
    }
    files.set(`${phase}/kustomization.yaml`, kustomization(names));
  }
  for (const secret of handover.secrets) {
    files.set(
      `secrets/${secret.name}.yaml`,
      `# Template: replace every value, then apply. Never commit the filled-in file.\n# ${secret.purpose}\n` +
        yamlStream([{ apiVersion: 'v1', kind: 'Secret', type: 'Opaque', metadata: { name: secret.name, namespace: secret.namespace }, stringData: Object.fromEntries(Object.keys(secret.keys).sort().map((k) => [k, 'REPLACE-ME'])) }]),
    );
  }
  files.set('README.md', renderReadme(handover));
  return new Map([...files].sort(([a], [b]) => a.localeCompare(b)));
}

function md(text: string): string {
  return text.replace(/\|/g, '\\|');
}

/** templates/handover-README.md.hbs with every value computed here. */
export function renderReadme(handover: Handover): string {
  const kinds = new Map<string, { kind: string; apiVersion: string; count: number; types: Set<string>; observedOnly: number }>();
  for (const a of handover.adopted) {
    const key = `${a.target.apiVersion} ${a.target.kind}`;
    const row = kinds.get(key) ?? { kind: a.target.kind, apiVersion: a.target.apiVersion, count: 0, types: new Set<string>(), observedOnly: 0 };
    row.count++;
    row.types.add(a.type);
    if (a.phase2Note) row.observedOnly++;
    kinds.set(key, row);
  }
  const skippedTypes = new Map<string, { type: string; count: number; reason: string }>();
  for (const s of handover.skipped) {
    const row = skippedTypes.get(s.type) ?? { type: s.type, count: 0, reason: s.reason };
    row.count++;
    skippedTypes.set(s.type, row);
  }
  const ns = handover.namespace;
  const nsFlag = ns ? ` -n ${ns}` : '';
  return loadTemplate('handover-README.md.hbs')({
    stack: handover.stack,
    scope: handover.scope === 'namespaced' ? `namespaced kinds (Crossplane v2) in namespace \`${ns}\`` : 'cluster-scoped kinds',
    adoptedTotal: handover.adopted.length,
    kinds: [...kinds.values()].sort((a, b) => `${a.apiVersion}${a.kind}`.localeCompare(`${b.apiVersion}${b.kind}`)).map((k) => ({
      kind: k.kind,
      apiVersion: k.apiVersion,
      count: k.count,
      types: [...k.types].sort().map((t) => `\`${t}\``).join(', '),
      phase2: k.observedOnly ? `${k.count - k.observedOnly} full, ${k.observedOnly} observed only` : 'full (`*`)',
    })),
    skipped: [...skippedTypes.values()].sort((a, b) => a.type.localeCompare(b.type)).map((s) => ({ ...s, reason: md(s.reason) })),
    narrowed: handover.adopted.filter((a) => a.phase2Note).map((a) => ({ name: a.name, kind: a.target.kind, note: md(a.phase2Note as string) })),
    credentials: handover.credentials.map((c) => ({ ...c, flag: ` -n ${c.namespace}` })),
    secrets: handover.secrets.map((s) => ({
      name: s.name,
      namespace: s.namespace,
      purpose: md(s.purpose),
      create: `kubectl create secret generic ${s.name} -n ${s.namespace} ${Object.keys(s.keys).sort().map((k) => `--from-literal=${k}="$(${s.keys[k]})"`).join(' ')}`,
    })),
    hasRandom: handover.skipped.some((x) => x.type === 'random_password'),
    hasPowerdns: handover.skipped.some((x) => x.type.startsWith('powerdns_')),
    hasHuaweiElb: handover.skipped.some((x) => x.type.startsWith('huaweicloud_elb_')),
    policiesOff: handover.policiesOff.join(', '),
    hasPoliciesOff: handover.policiesOff.length > 0,
    nsFlag,
    getAll: [...new Set(handover.adopted.map((a) => `${a.target.kind.toLowerCase()}.${a.target.apiVersion.split('/')[0]}`))].sort().join(','),
  });
}
