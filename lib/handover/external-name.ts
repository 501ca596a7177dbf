/** The `crossplane.io/external-name` of an adopted resource, by the provider's rule in the map. */
import { MappingEntry } from './mapping';
import { IMPORT_ID_TEMPLATES } from './rules';
import { HandoverError } from './errors';

/** Where the external name comes from. */
export interface ExternalNameRule {
  /** `id` (the state id), `name`, or `template` (an import ID built from attributes). */
  readonly from: 'id' | 'attribute' | 'template';
  /** The attribute (for `attribute`) or the template (for `template`). */
  readonly detail: string;
}

const TEMPLATED = /^config\.TemplatedStringAsIdentifier\("([a-z0-9_]*)"/;

/**
 * The rule for a type: an import-ID template where the map says the import ID is not the state id
 * (rules.ts); `TemplatedStringAsIdentifier("name", …)` → the `name` attribute (GCP, Azure); every
 * other config (IdentifierFromProvider and the providers' own functions, whose IDs the map
 * documents as the Terraform id) → the state `id`.
 */
export function externalNameRule(entry: MappingEntry): ExternalNameRule {
  const template = IMPORT_ID_TEMPLATES[entry.terraformType];
  if (template) return { from: 'template', detail: template };
  const match = TEMPLATED.exec(entry.externalNameConfig ?? '');
  if (match && match[1]) return { from: 'attribute', detail: match[1] };
  return { from: 'id', detail: 'id' };
}

/** `{a|b}` placeholders filled from `values` (the first attribute that is set). */
export function fillTemplate(template: string, values: Readonly<Record<string, unknown>>, what: string): string {
  return template.replace(/\{([a-z0-9_|]+)\}/g, (_, names: string) => {
    for (const name of names.split('|')) {
      const value = values[name];
      if (value !== null && value !== undefined && value !== '') return String(value);
    }
    throw new HandoverError(`${what}: the state has no ${names.split('|').join(' or ')}, needed for its external name ${template}`);
  });
}

/** The external name of one resource instance. */
export function externalName(entry: MappingEntry, values: Readonly<Record<string, unknown>>, address: string): string {
  const rule = externalNameRule(entry);
  const template = rule.from === 'template' ? rule.detail : `{${rule.detail}}`;
  return fillTemplate(template, values, address);
}
