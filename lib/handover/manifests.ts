/**
 * The hand-over of one stack: state resources → phase 1 (Observe) and phase 2 (full management)
 * managed resources, one ProviderConfig per cloud, Secret templates, and the facts the README
 * reports. Pure: no files, no processes; everything comes from the state, the stack's
 * configuration and the map.
 */
import { CrdVersion, loadCrd, SchemaNode } from './crd';
import { convertObject, fieldKey } from './convert';
import { externalName, fillTemplate } from './external-name';
import { cloudOf, KindTarget, kindTarget, mappingFor, MappingEntry, providerByRepo } from './mapping';
import { dnsLabel, nameSource, uniqueNames } from './names';
import { INLINE_SPLITS, managementPoliciesOff, PROVIDER_CONFIG_FIELDS, SPLIT_RENAMES } from './rules';
import { SensitiveMask, StateResource } from './state';
import { HandoverError } from './errors';

/** Label and annotation keys on every generated object. */
export const LABELS = { stack: 'sovereign-tofu.io/stack', cloud: 'sovereign-tofu.io/cloud' } as const;
export const ANNOTATIONS = { externalName: 'crossplane.io/external-name', address: 'sovereign-tofu.io/terraform-address' } as const;

/** Namespace of Secrets that cluster-scoped ProviderConfigs reference. */
export const CLUSTER_SECRET_NAMESPACE = 'crossplane-system';

export type Manifest = { apiVersion: string; kind: string; metadata: Record<string, unknown>; [key: string]: unknown };

/** Options of {@link buildHandover}. */
export interface HandoverOptions {
  readonly stack: string;
  /** Namespaced (Crossplane v2) kinds in `namespace`, or the cluster-scoped kinds. */
  readonly scope: 'namespaced' | 'cluster';
  /** Namespace of namespaced kinds. @default default */
  readonly namespace?: string;
}

/** One resource that gets managed resources. */
export interface AdoptedResource {
  readonly address: string;
  readonly type: string;
  readonly cloud: string;
  readonly target: KindTarget;
  readonly name: string;
  readonly externalName: string;
  readonly phase1: Manifest;
  readonly phase2: Manifest;
  /** Policies phase 2 sets (`*`, or narrower when the state lacks a required argument). */
  readonly phase2Policies: readonly string[];
  /** Why phase 2 is narrower than `*`. */
  readonly phase2Note?: string;
  /** State attributes with no forProvider field (computed, or not in the provider's version). */
  readonly dropped: readonly string[];
}

/** One resource that is not adopted, with why and what to do. */
export interface SkippedResource {
  readonly address: string;
  readonly type: string;
  readonly reason: string;
}

/** A Secret the manifests reference; written as a template with placeholders, never values. */
export interface SecretTemplate {
  readonly name: string;
  readonly namespace: string;
  /** Key → how to get its value. */
  readonly keys: Readonly<Record<string, string>>;
  readonly purpose: string;
}

/** Everything the hand-over of one stack produces (before rendering). */
export interface Handover {
  readonly stack: string;
  readonly scope: 'namespaced' | 'cluster';
  readonly namespace?: string;
  readonly adopted: readonly AdoptedResource[];
  readonly skipped: readonly SkippedResource[];
  readonly providerConfigs: readonly Manifest[];
  /** Credentials Secrets the ProviderConfigs name (created by the operator, never generated). */
  readonly credentials: readonly { readonly cloud: string; readonly name: string; readonly namespace: string; readonly key: string }[];
  readonly secrets: readonly SecretTemplate[];
  /** Clouds whose provider refuses Observe-only manifests until management policies are enabled. */
  readonly policiesOff: readonly string[];
}

interface Candidate {
  readonly resource: StateResource;
  readonly constructPath?: string;
  readonly entry: MappingEntry;
  readonly target: KindTarget;
  readonly crd: CrdVersion;
  readonly cloud: string;
}

/** Resources made from an inline block: the parent's `type.name`, the block and its index. */
const SPLITS = new WeakMap<StateResource, { readonly parent: string; readonly block: string; readonly index: number }>();

/** The state's resources plus the ones inline blocks become (rules.ts INLINE_SPLITS). */
export function expandInlineBlocks(resources: readonly StateResource[]): StateResource[] {
  const out = [...resources];
  for (const split of INLINE_SPLITS) {
    for (const parent of resources.filter((r) => r.type === split.fromType)) {
      const blocks = parent.values[split.block];
      if (!Array.isArray(blocks)) continue;
      blocks.forEach((block: Record<string, unknown>, i) => {
        const renames = SPLIT_RENAMES[split.toType] ?? {};
        const values: Record<string, unknown> = {};
        for (const [k, v] of Object.entries(block)) if (v !== null && v !== '') values[renames[k] ?? k] = v;
        for (const [child, parentAttr] of Object.entries(split.parent)) if (parent.values[parentAttr] !== undefined && parent.values[parentAttr] !== null) values[child] = parent.values[parentAttr];
        values.id = fillTemplate(split.idTemplate, { ...block, ...values }, `${parent.address}.${split.block}[${i}]`);
        const child: StateResource = { ...parent, address: `${parent.address}.${split.block}[${i}]`, type: split.toType, values, sensitive: false, index: parent.index };
        SPLITS.set(child, { parent: `${parent.type}.${parent.name}`, block: split.block, index: i });
        out.push(child);
      });
    }
  }
  return out;
}

/** The cdktf construct path of each resource (`//.metadata.path` in cdk.tf.json), by `type.name`. */
export function constructPaths(config: Readonly<Record<string, any>>): Map<string, string> {
  const paths = new Map<string, string>();
  for (const [type, byName] of Object.entries((config.resource ?? {}) as Record<string, Record<string, any>>)) {
    for (const [name, body] of Object.entries(byName)) {
      const p = body?.['//']?.metadata?.path;
      if (typeof p === 'string') paths.set(`${type}.${name}`, p);
    }
  }
  return paths;
}

/** A provider block's literal attributes (no `${…}`), by provider local name. */
function providerSettings(config: Readonly<Record<string, any>>, type: string): Record<string, unknown> {
  const local = type.split('_')[0];
  const block = (config.provider?.[local] as Array<Record<string, unknown>> | undefined)?.[0] ?? {};
  return Object.fromEntries(Object.entries(block).filter(([, v]) => typeof v === 'string' ? !v.includes('${') : typeof v === 'number' || typeof v === 'boolean'));
}

/** Values for `fields` (CRD names; `a|b` = the first that is set) out of the state's attributes. */
function pickFields(values: Readonly<Record<string, unknown>>, fields: readonly string[], fallback: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const byKey = new Map(Object.keys(values).map((k) => [fieldKey(k), k]));
  const fallbackByKey = new Map(Object.keys(fallback).map((k) => [fieldKey(k), k]));
  const picked: Record<string, unknown> = {};
  for (const alternatives of fields) {
    for (const field of alternatives.split('|')) {
      const attr = byKey.get(fieldKey(field));
      if (attr && values[attr] !== null && values[attr] !== undefined && values[attr] !== '') {
        picked[attr] = values[attr];
        break;
      }
      const fb = fallbackByKey.get(fieldKey(field));
      if (fb) {
        picked[fb] = fallback[fb];
        break;
      }
    }
  }
  return picked;
}

/** API group of the ProviderConfig of a managed resource's group, from providers.json `scopes`. */
function providerConfigGroup(entry: MappingEntry, mrGroup: string): string {
  const provider = entry.provider ? providerByRepo(entry.provider) : undefined;
  const groups = (provider?.scopes ?? []).map((s) => s.replace(/^\*\./, '').replace(/\s.*$/, ''));
  const match = groups.filter((g) => mrGroup === g || mrGroup.endsWith(`.${g}`)).sort((a, b) => b.length - a.length)[0];
  if (!match) throw new HandoverError(`providers.json: no API group of ${entry.provider} covers ${mrGroup}`);
  return match;
}

const IDENTIFYING = ['id', 'name', 'self_link', 'arn'];

/** The shell command that prints a sensitive attribute from the state (run in the stack directory, passphrase set). */
export function readCommand(address: string, attribute: string): string {
  return `tofu show -json | jq -r '.values.root_module.resources[] | select(.address == "${address.replace(/"/g, '\\"')}") | .values.${attribute}'`;
}

/** Builds the whole hand-over of one stack (see the file comment). */
export function buildHandover(resources: readonly StateResource[], config: Readonly<Record<string, any>>, options: HandoverOptions): Handover {
  const { stack, scope } = options;
  const namespace = scope === 'namespaced' ? options.namespace ?? 'default' : undefined;
  const paths = constructPaths(config);
  const skipped: SkippedResource[] = [];
  const candidates: Candidate[] = [];
  for (const resource of expandInlineBlocks(resources)) {
    const entry = mappingFor(resource.type);
    if (!entry) {
      skipped.push({ address: resource.address, type: resource.type, reason: 'not in the Terraform → Crossplane map (../shared/crossplane/mapping.json, via lib/handover/catalogue/): add the type there and run npm run handover:generate to adopt it' });
      continue;
    }
    const target = kindTarget(entry, scope);
    const cloud = cloudOf(entry);
    if (!target || !cloud) {
      skipped.push({ address: resource.address, type: resource.type, reason: entry.note ?? 'no Crossplane managed resource' });
      continue;
    }
    const crd = loadCrd(target.crdFile, target.apiVersion);
    const split = SPLITS.get(resource);
    const basePath = paths.get(split ? split.parent : `${resource.type}.${resource.name}`);
    candidates.push({ resource, constructPath: basePath && split ? `${basePath}/${split.block}-${split.index}` : basePath, entry, target, crd, cloud });
  }

  const names = uniqueNames(
    candidates,
    (c) => `${c.target.apiVersion}/${c.target.kind}`,
    (c) => nameSource(stack, c.constructPath, c.resource.address, c.resource.index),
  );

  const externalNames = new Map(candidates.map((c) => [c, externalName(c.entry, c.resource.values, c.resource.address)]));
  const resolveRef = (kind: string, group: string, value: unknown): string | undefined => {
    if (value === null || value === undefined || typeof value === 'object') return undefined;
    const wanted = String(value);
    const matches = candidates.filter(
      (c) => c.target.kind === kind && c.target.apiVersion.split('/')[0].split('.')[0] === group && (externalNames.get(c) === wanted || IDENTIFYING.some((a) => c.resource.values[a] !== undefined && String(c.resource.values[a]) === wanted)),
    );
    return matches.length === 1 ? names.get(matches[0]) : undefined;
  };

  const secrets = new Map<string, SecretTemplate>();
  const providerConfigs = new Map<string, Manifest>();
  const credentials = new Map<string, { cloud: string; name: string; namespace: string; key: string }>();
  const policiesOff = new Set<string>();
  const adopted: AdoptedResource[] = [];

  for (const c of candidates) {
    const name = names.get(c)!;
    const ext = externalNames.get(c)!;
    const providerName = `sovereign-${c.cloud}`;
    const group = c.target.apiVersion.split('/')[0];
    const pcGroup = providerConfigGroup(c.entry, group);
    const pcKey = `${pcGroup}`;
    if (!providerConfigs.has(pcKey)) {
      const secretNamespace = namespace ?? CLUSTER_SECRET_NAMESPACE;
      const secretName = `${providerName}-credentials`;
      credentials.set(c.cloud, { cloud: c.cloud, name: secretName, namespace: secretNamespace, key: 'credentials' });
      const extras: Record<string, unknown> = {};
      for (const [field, attribute] of Object.entries(PROVIDER_CONFIG_FIELDS[c.cloud] ?? {})) {
        const value = candidates.map((o) => o.resource.values[attribute]).find((v) => typeof v === 'string' && v) ?? providerSettings(config, c.resource.type)[attribute];
        if (value === undefined) throw new HandoverError(`stack ${stack}: the ${c.cloud} ProviderConfig needs ${field}, but neither the state nor the provider block has "${attribute}"`);
        extras[field] = value;
      }
      providerConfigs.set(pcKey, {
        apiVersion: `${pcGroup}/v1beta1`,
        kind: 'ProviderConfig',
        metadata: { name: providerName, ...(namespace ? { namespace } : {}), labels: { [LABELS.cloud]: c.cloud } },
        spec: { credentials: { source: 'Secret', secretRef: { namespace: secretNamespace, name: secretName, key: 'credentials' } }, ...extras },
      });
    }
    const provider = c.entry.provider ? providerByRepo(c.entry.provider) : undefined;
    const off = managementPoliciesOff(provider?.note) || managementPoliciesOff(c.entry.caveat);
    if (off) policiesOff.add(c.cloud);

    const fallback = providerSettings(config, c.resource.type);
    const forProviderSchema = c.crd.forProvider;
    const required = [...(forProviderSchema.required ?? [])];
    const identity = [...(c.entry.identityFieldsInForProvider ?? []), ...required];
    const mask: SensitiveMask = c.resource.sensitive;
    const phase1Values = pickFields(c.resource.values, identity, fallback);
    const phase1For = convertObject(phase1Values, forProviderSchema, mask, {}, true) ?? {};

    const dropped: string[] = [];
    const secretName = dnsLabel(`${name}-sensitive`);
    const secretKeys: Record<string, string> = {};
    const allValues: Record<string, unknown> = { ...pickFields({}, required, fallback), ...c.resource.values };
    const phase2For =
      convertObject(allValues, forProviderSchema, mask, {
        resolveRef,
        namespace,
        secretName,
        onSecret: (attribute) => (secretKeys[attribute] = readCommand(c.resource.address, attribute)),
        onDropped: (attribute) => dropped.push(attribute),
      }, true) ?? {};
    if (Object.keys(secretKeys).length) {
      secrets.set(secretName, { name: secretName, namespace: namespace ?? CLUSTER_SECRET_NAMESPACE, keys: secretKeys, purpose: `sensitive arguments of ${c.target.kind} ${name}` });
    }

    const metadata = (extra: Record<string, string> = {}) => ({
      name,
      ...(c.target.namespaced ? { namespace } : {}),
      labels: { [LABELS.stack]: stack, [LABELS.cloud]: c.cloud },
      annotations: { [ANNOTATIONS.externalName]: ext, [ANNOTATIONS.address]: c.resource.address, ...extra },
    });
    const providerConfigRef = c.target.namespaced ? { kind: 'ProviderConfig', name: providerName } : { name: providerName };
    const manifest = (policies: string[], forProvider: Record<string, unknown>, extraSpec: Record<string, unknown> = {}): Manifest => ({
      apiVersion: c.target.apiVersion,
      kind: c.target.kind,
      metadata: metadata(),
      spec: { managementPolicies: policies, forProvider, providerConfigRef, ...extraSpec },
    });
    const phase1 = manifest(['Observe'], phase1For);
    const deletion = off && c.crd.spec.properties?.deletionPolicy ? { deletionPolicy: 'Orphan' } : {};
    let phase2Policies = ['*'];
    let phase2 = manifest(phase2Policies, phase2For, deletion);
    let phase2Note: string | undefined;
    const missing = c.crd.validate(phase2).filter((p) => /is a required parameter/.test(p));
    if (missing.length) {
      phase2Policies = ['Observe', 'LateInitialize'];
      phase2Note = `stays observed: the state has no value for ${missing.map((m) => m.replace(/^.*spec\.forProvider\.(\w+).*$/, '$1')).join(', ')}`;
      phase2 = manifest(phase2Policies, phase2For, deletion);
    }
    adopted.push({ address: c.resource.address, type: c.resource.type, cloud: c.cloud, target: c.target, name, externalName: ext, phase1, phase2, phase2Policies, ...(phase2Note ? { phase2Note } : {}), dropped: dropped.sort() });
  }

  for (const resource of resources.filter((r) => r.type === 'random_password')) {
    const path = paths.get(`${resource.type}.${resource.name}`);
    const secretName = dnsLabel(nameSource(stack, path, resource.address, resource.index));
    secrets.set(secretName, {
      name: secretName,
      namespace: namespace ?? CLUSTER_SECRET_NAMESPACE,
      keys: { result: readCommand(resource.address, 'result') },
      purpose: `the value of ${resource.address}${/token/.test(resource.address) ? ' (the K3s token)' : ''}, which only the state holds`,
    });
  }

  return {
    stack,
    scope,
    ...(namespace ? { namespace } : {}),
    adopted,
    skipped,
    providerConfigs: [...providerConfigs.values()],
    credentials: [...credentials.values()].sort((a, b) => a.cloud.localeCompare(b.cloud)),
    secrets: [...secrets.values()].sort((a, b) => a.name.localeCompare(b.name)),
    policiesOff: [...policiesOff].sort(),
  };
}

/** Every problem of every generated managed resource against its CRD (empty = all valid). */
export function validateHandover(handover: Handover): string[] {
  const problems: string[] = [];
  for (const a of handover.adopted) {
    const crd = loadCrd(a.target.crdFile, a.target.apiVersion);
    for (const [phase, manifest] of [['phase-1', a.phase1], ['phase-2', a.phase2]] as const) {
      for (const p of crd.validate(manifest)) problems.push(`${phase} ${a.target.kind} ${a.name} (${a.address}): ${p}`);
    }
  }
  const seen = new Map<string, string>();
  for (const a of handover.adopted) {
    const key = `${a.target.apiVersion}/${a.target.kind}/${a.name}`;
    if (seen.has(key)) problems.push(`${a.target.kind} ${a.name}: used by both ${seen.get(key)} and ${a.address}`);
    seen.set(key, a.address);
  }
  return problems;
}

/** The CRD schema of a Ref field is needed by tests; re-exported for them. */
export type { SchemaNode };
