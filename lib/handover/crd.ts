/**
 * The providers' CRDs as validators and as the schema that decides which `forProvider` fields exist.
 * At run time they come from the generated catalogue (`lib/handover/catalogue/`, see
 * scripts/generate-crossplane-catalogue.ts); the same validator can be built from an original CRD
 * file of `../shared/crossplane/crds/` (`loadCrdFile`), which the generator and the tests do.
 *
 * Validation is JSON Schema validation of the served version's `openAPIV3Schema` with ajv (a
 * dependency already), made as strict as a Kubernetes API server with `--validate=strict`:
 * - every object schema that lists `properties` and says nothing about `additionalProperties` gets
 *   `additionalProperties: false` (the API server prunes or, with strict field validation, refuses
 *   unknown fields; here they are refused);
 * - `metadata` (`type: object` in every CRD) is checked against a small ObjectMeta schema: a
 *   DNS-1123 label name, label and annotation syntax, nothing else;
 * - `x-kubernetes-validations` (CEL) rules are evaluated: the CRDs here use exactly one rule shape
 *   (Upjet's "required parameter unless the policies exclude Create/Update"); any other rule is
 *   refused as unsupported rather than skipped;
 * - `format: int64` must be an integer.
 */
import * as fs from 'fs';
import Ajv, { ErrorObject, ValidateFunction } from 'ajv';
import { parseAllDocuments } from 'yaml';
import { catalogueCrd } from './mapping';
import { SchemaNode } from './schema';
import { HandoverError } from './errors';

export type { SchemaNode };

/** One version of one CRD, ready to validate against. */
export interface CrdVersion {
  readonly group: string;
  readonly version: string;
  readonly kind: string;
  readonly namespaced: boolean;
  /** `spec.forProvider` of the schema. */
  readonly forProvider: SchemaNode;
  /** The whole `spec` schema. */
  readonly spec: SchemaNode;
  /** Returns the problems of `manifest` (empty when valid). */
  validate(manifest: unknown): string[];
}

/** Kubernetes DNS-1123 label: what every generated metadata.name must be. */
export const DNS_1123_LABEL = '^[a-z0-9]([-a-z0-9]*[a-z0-9])?$';
const LABEL_KEY = '^([a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*/)?[A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?$';
const LABEL_VALUE = '^(([A-Za-z0-9][-A-Za-z0-9_.]{0,61})?[A-Za-z0-9])?$';

/** The ObjectMeta fields generated manifests may set. */
export const OBJECT_META_SCHEMA = {
  type: 'object',
  additionalProperties: false,
  required: ['name'],
  properties: {
    name: { type: 'string', maxLength: 63, pattern: DNS_1123_LABEL },
    namespace: { type: 'string', maxLength: 63, pattern: DNS_1123_LABEL },
    labels: { type: 'object', propertyNames: { maxLength: 253, pattern: LABEL_KEY }, additionalProperties: { type: 'string', maxLength: 63, pattern: LABEL_VALUE } },
    annotations: { type: 'object', propertyNames: { maxLength: 253, pattern: LABEL_KEY }, additionalProperties: { type: 'string' } },
  },
} as const;

/** The one CEL rule shape the CRDs use: `forProvider.X` required when the policies allow Create or Update. */
const REQUIRED_PARAMETER_RULE =
  /^!\('\*' in self\.managementPolicies \|\| 'Create' in self\.managementPolicies \|\| 'Update' in self\.managementPolicies\) \|\| has\(self\.forProvider\.([A-Za-z0-9_]+)\) \|\| \(has\(self\.initProvider\) && has\(self\.initProvider\.\1\)\)$/;

let ajv: Ajv | undefined;
function validatorFactory(): Ajv {
  if (!ajv) {
    ajv = new Ajv({ allErrors: true, strict: true, strictRequired: false, allowUnionTypes: true });
    ajv.addFormat('int64', { type: 'number', validate: (n: number) => Number.isInteger(n) });
    ajv.addFormat('date-time', /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$/);
  }
  return ajv;
}

/**
 * The CRD schema made strict (see the file comment): keywords Kubernetes adds are dropped,
 * `additionalProperties: false` is set where the schema lists properties and is silent.
 */
export function strictSchema(node: SchemaNode, isRoot = false): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node)) {
    if (key.startsWith('x-')) continue; // x-kubernetes-* (Kubernetes) and x-sovereign-* (the catalogue)
    if (key === 'properties') {
      const props: Record<string, unknown> = {};
      for (const [name, child] of Object.entries(value as Record<string, SchemaNode>)) {
        props[name] = isRoot && name === 'metadata' ? OBJECT_META_SCHEMA : strictSchema(child);
      }
      out.properties = props;
    } else if (key === 'items' || (key === 'additionalProperties' && typeof value === 'object')) {
      out[key] = strictSchema(value as SchemaNode);
    } else {
      out[key] = value;
    }
  }
  if (node.type === 'object' && node.properties && node.additionalProperties === undefined) out.additionalProperties = false;
  return out;
}

/** Evaluates the CRD's CEL rules on `spec`; unknown rule shapes are problems, never skipped. */
function celProblems(rules: SchemaNode['x-kubernetes-validations'], spec: Record<string, unknown> | undefined): string[] {
  const problems: string[] = [];
  const policies = (spec?.managementPolicies as string[] | undefined) ?? ['*'];
  for (const { rule, message } of rules ?? []) {
    const match = REQUIRED_PARAMETER_RULE.exec(rule);
    if (!match) {
      problems.push(`/spec: CEL rule not supported by this validator (refused, not skipped): ${rule}`);
      continue;
    }
    const field = match[1];
    const applies = policies.includes('*') || policies.includes('Create') || policies.includes('Update');
    const has = (container: unknown) => typeof container === 'object' && container !== null && field in container;
    if (applies && !has(spec?.forProvider) && !has(spec?.initProvider)) problems.push(`/spec: ${message ?? `forProvider.${field} is required`}`);
  }
  return problems;
}

function describe(errors: readonly ErrorObject[] | null | undefined): string[] {
  return (errors ?? []).map((e) => {
    const extra = e.keyword === 'additionalProperties' ? ` (unknown field "${(e.params as { additionalProperty: string }).additionalProperty}")` : e.keyword === 'enum' ? ` (allowed: ${(e.params as { allowedValues: unknown[] }).allowedValues.join(', ')})` : '';
    return `${e.instancePath || '/'}: ${e.message}${extra}`;
  });
}

/** What a `…Ref`/`…Refs` field's description says it references (Upjet's wording). */
export const REFERENCE_DESCRIPTION = /References? to (?:an? )?([A-Za-z0-9]+) in ([a-z0-9]+) to populate/;

/** A CustomResourceDefinition document as far as this module reads it. */
export interface CrdDocument {
  readonly kind: string;
  readonly spec: {
    readonly group: string;
    readonly scope: string;
    readonly names: { readonly kind: string };
    readonly versions: ReadonlyArray<{ readonly name: string; readonly served: boolean; readonly schema: { readonly openAPIV3Schema: SchemaNode } }>;
  };
}

/** The CustomResourceDefinition in a CRD YAML file; `label` names the file in errors. */
export function readCrdDocument(file: string, label: string = file): CrdDocument {
  const docs = parseAllDocuments(fs.readFileSync(file, 'utf8')).map((d) => d.toJS() as CrdDocument).filter(Boolean);
  const crd = docs.find((d) => d.kind === 'CustomResourceDefinition');
  if (!crd) throw new HandoverError(`${label}: no CustomResourceDefinition in the file`);
  return crd;
}

/** The served version of `crd` that `apiVersion` names; throws when the group differs or it is not served. */
export function servedVersion(crd: CrdDocument, apiVersion: string, label: string): CrdDocument['spec']['versions'][number] {
  const [group, version] = apiVersion.split('/');
  if (crd.spec.group !== group) throw new HandoverError(`${label}: CRD group is ${crd.spec.group}, the map says ${group}`);
  const served = crd.spec.versions.find((v) => v.name === version && v.served);
  if (!served) throw new HandoverError(`${label}: no served version ${version} (served: ${crd.spec.versions.filter((v) => v.served).map((v) => v.name).join(', ')})`);
  return served;
}

/** A validator for `root` (a served version's openAPIV3Schema) of `kind` at `apiVersion`. */
export function crdVersion(apiVersion: string, kind: string, namespaced: boolean, root: SchemaNode): CrdVersion {
  const [group, version] = apiVersion.split('/');
  const spec = root.properties?.spec as SchemaNode;
  const compiled: ValidateFunction = validatorFactory().compile(strictSchema(root, true));
  const entry: CrdVersion = {
    group,
    version,
    kind,
    namespaced,
    forProvider: (spec.properties?.forProvider ?? {}) as SchemaNode,
    spec,
    validate(manifest: unknown): string[] {
      const problems: string[] = [];
      const m = manifest as Record<string, unknown>;
      if (m.apiVersion !== apiVersion) problems.push(`/apiVersion: must be ${apiVersion}`);
      if (m.kind !== kind) problems.push(`/kind: must be ${kind}`);
      const meta = m.metadata as Record<string, unknown> | undefined;
      if (entry.namespaced !== (typeof meta?.namespace === 'string')) problems.push(`/metadata/namespace: ${kind} is ${entry.namespaced ? 'namespaced: a namespace is required' : 'cluster-scoped: no namespace allowed'}`);
      if (!compiled(manifest)) problems.push(...describe(compiled.errors));
      problems.push(...celProblems(spec['x-kubernetes-validations'], m.spec as Record<string, unknown> | undefined));
      return problems;
    },
  };
  return entry;
}

const versions = new Map<string, CrdVersion>();

/**
 * The CRD that the map names `crdFile` (a file of `../shared/crossplane/`), at the version of
 * `apiVersion`, from the generated catalogue; throws HandoverError when the catalogue lacks it.
 */
export function loadCrd(crdFile: string, apiVersion: string): CrdVersion {
  const cacheKey = `${crdFile}@${apiVersion}`;
  const cached = versions.get(cacheKey);
  if (cached) return cached;
  const crd = catalogueCrd(crdFile);
  if (!crd) throw new HandoverError(`${crdFile}: not in the catalogue lib/handover/catalogue/ (regenerate it: npm run handover:generate)`);
  const [group, version] = apiVersion.split('/');
  if (crd.group !== group) throw new HandoverError(`${crdFile}: CRD group is ${crd.group}, the map says ${group}`);
  const root = crd.versions[version];
  if (!root) throw new HandoverError(`${crdFile}: version ${version} is not in the catalogue (has: ${Object.keys(crd.versions).join(', ')})`);
  const entry = crdVersion(apiVersion, crd.kind, crd.scope === 'Namespaced', root);
  versions.set(cacheKey, entry);
  return entry;
}

/** The same validator built from an original CRD file (e.g. in `../shared/crossplane/crds/`), with the full schema. */
export function loadCrdFile(file: string, apiVersion: string): CrdVersion {
  const crd = readCrdDocument(file);
  const served = servedVersion(crd, apiVersion, file);
  return crdVersion(apiVersion, crd.spec.names.kind, crd.spec.scope === 'Namespaced', served.schema.openAPIV3Schema);
}
