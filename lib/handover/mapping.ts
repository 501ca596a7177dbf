/**
 * The Terraform → Crossplane map and the chosen providers, read from the generated catalogue
 * (`lib/handover/catalogue/<cloud>.json`, made by scripts/generate-crossplane-catalogue.ts from the
 * project's research data `../shared/crossplane/mapping.json`, `providers.json` and `crds/`). Every
 * decision the hand-over makes per resource type starts here, so a type added to the map (Huawei,
 * OCI) is handled without code changes.
 */
import * as fs from 'fs';
import * as path from 'path';
import type { SchemaNode } from './schema';

/** Where the generated catalogue lives (one JSON file per cloud). */
export const CATALOGUE_DIR = path.join(__dirname, 'catalogue');

/** One row of mapping.json. */
export interface MappingEntry {
  readonly terraformType: string;
  /** Crossplane provider repository, or null when no managed resource exists. */
  readonly provider: string | null;
  readonly providerVersion?: string;
  readonly apiVersion: string | null;
  readonly kind: string | null;
  readonly scope?: 'Namespaced' | 'Cluster';
  /** Prose: how the provider builds the external name. */
  readonly externalName: string | null;
  /** The provider's Go config call, e.g. `config.IdentifierFromProvider`. */
  readonly externalNameConfig?: string;
  /** forProvider fields the provider needs to find the resource; `a|b` = the first one set. */
  readonly identityFieldsInForProvider?: readonly string[];
  readonly crdFile: string | null;
  readonly clusterScoped?: { readonly apiVersion: string; readonly servedVersions: readonly string[]; readonly crdFile: string };
  readonly note?: string;
  readonly caveat?: string;
  readonly caveat2?: string;
  readonly runtime?: string;
}

/** One row of providers.json. */
export interface ProviderEntry {
  /** Cloud key: aws, gcp, azure, hcloud, huaweicloud, oci, powerdns, random. */
  readonly cloud: string;
  readonly repo: string | null;
  readonly tag?: string;
  /** API group patterns, e.g. `*.aws.upbound.io (cluster, legacy)`, `*.aws.m.upbound.io (namespaced, Crossplane v2)`. */
  readonly scopes?: readonly string[];
  readonly terraformProvider?: string;
  readonly packages?: readonly string[];
  readonly note?: string;
}

/** Where a managed resource's kind lives for one scope choice. */
export interface KindTarget {
  readonly apiVersion: string;
  readonly kind: string;
  readonly namespaced: boolean;
  /** The CRD's file in `../shared/crossplane/` (the catalogue's key for it). */
  readonly crdFile: string;
}

/** One CRD in the catalogue: the versions the map uses, each the reduced `openAPIV3Schema`. */
export interface CatalogueCrd {
  readonly group: string;
  readonly kind: string;
  /** `Namespaced` or `Cluster`. */
  readonly scope: string;
  readonly versions: Readonly<Record<string, SchemaNode>>;
}

/** One file of the catalogue. */
interface CatalogueFile {
  readonly generated: string;
  readonly cloud: string;
  readonly provider: ProviderEntry;
  readonly mapping: readonly MappingEntry[];
  readonly crds: Readonly<Record<string, CatalogueCrd>>;
}

let cache:
  | { readonly entries: ReadonlyMap<string, MappingEntry>; readonly providers: readonly ProviderEntry[]; readonly crds: ReadonlyMap<string, CatalogueCrd> }
  | undefined;

function load(): NonNullable<typeof cache> {
  if (!cache) {
    const files = fs.readdirSync(CATALOGUE_DIR).filter((f) => f.endsWith('.json')).sort();
    const docs = files.map((f) => JSON.parse(fs.readFileSync(path.join(CATALOGUE_DIR, f), 'utf8')) as CatalogueFile);
    cache = {
      entries: new Map(docs.flatMap((d) => d.mapping).map((e) => [e.terraformType, e])),
      providers: docs.map((d) => d.provider),
      crds: new Map(docs.flatMap((d) => Object.entries(d.crds))),
    };
  }
  return cache;
}

/** The catalogue's CRD for the map's `crdFile`, or undefined. */
export function catalogueCrd(crdFile: string): CatalogueCrd | undefined {
  return load().crds.get(crdFile);
}

/** Every entry of the map, by Terraform type. */
export function mappingEntries(): ReadonlyMap<string, MappingEntry> {
  return load().entries;
}

/** The map's entry for a Terraform type, or undefined when the map does not know the type. */
export function mappingFor(terraformType: string): MappingEntry | undefined {
  return load().entries.get(terraformType);
}

/** The chosen Crossplane providers. */
export function providerEntries(): readonly ProviderEntry[] {
  return load().providers;
}

/**
 * The kind to generate for `entry` under the requested scope: the namespaced (Crossplane v2) kind
 * when the provider has one and `scope` is `namespaced`, else the cluster-scoped kind. Providers
 * with only cluster-scoped kinds (Huawei, OCI) always give cluster-scoped kinds. Undefined for
 * types without a managed resource.
 */
export function kindTarget(entry: MappingEntry, scope: 'namespaced' | 'cluster'): KindTarget | undefined {
  if (!entry.provider || !entry.apiVersion || !entry.kind || !entry.crdFile) return undefined;
  const mainNamespaced = entry.scope === 'Namespaced';
  if (scope === 'namespaced' || !mainNamespaced) {
    return { apiVersion: entry.apiVersion, kind: entry.kind, namespaced: mainNamespaced, crdFile: entry.crdFile };
  }
  if (!entry.clusterScoped) return { apiVersion: entry.apiVersion, kind: entry.kind, namespaced: true, crdFile: entry.crdFile };
  return { apiVersion: entry.clusterScoped.apiVersion, kind: entry.kind, namespaced: false, crdFile: entry.clusterScoped.crdFile };
}

/** The provider entry (providers.json) whose repository is `repo`. */
export function providerByRepo(repo: string): ProviderEntry | undefined {
  return load().providers.find((p) => p.repo === repo);
}

/**
 * The cloud key of a Terraform type by its prefix (`hcloud_server` → hcloud, `google_…` → gcp,
 * `azurerm_…` → azure); the provider entry of its mapping row decides when there is one.
 */
export function cloudOf(entry: MappingEntry): string | undefined {
  return entry.provider ? providerByRepo(entry.provider)?.cloud : undefined;
}
