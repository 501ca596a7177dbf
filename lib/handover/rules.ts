/**
 * What the map (`../shared/crossplane/mapping.json`, via the catalogue) states in prose, as rules the code applies. Each rule
 * names the map's fact it encodes; a type not listed here follows the map alone.
 */

/**
 * Attributes never copied into `forProvider`, on any type: first-boot data (state holds a hash on
 * some providers, and a changed value forces a replacement, which Crossplane refuses; it also
 * carries the K3s token in our stacks).
 */
export const NEVER_COPY_ATTRIBUTES: ReadonlySet<string> = new Set(['user_data', 'user_data_base64', 'custom_data', 'metadata_startup_script']);

/** Keys of map attributes never copied (GCP `metadata["user-data"]`, OCI `metadata["user_data"]`). */
export const NEVER_COPY_MAP_KEYS: ReadonlyMap<string, ReadonlySet<string>> = new Map([['metadata', new Set(['user-data', 'user_data', 'startup-script', 'user-data-encoding'])]]);

/**
 * Import IDs that differ from the state `id` (mapping.json `caveat2` of
 * oci_core_network_security_group_security_rule: the Terraform CLI runtime imports by
 * `networkSecurityGroups/<nsgId>/securityRules/<ruleId>`). `{attr}` is a state attribute.
 */
export const IMPORT_ID_TEMPLATES: Readonly<Record<string, string>> = {
  oci_core_network_security_group_security_rule: 'networkSecurityGroups/{network_security_group_id}/securityRules/{id}',
};

/**
 * Inline blocks the provider moves to `status` (mapping.json `note` of aws_route: "the provider
 * moves aws_route_table.route to status … so the 0.0.0.0/0 route needs its own Route MR"): each
 * block element becomes a resource of `toType` with the parent's attribute copied in, and an
 * external name built like the provider's import ID (`ROUTETABLEID_DESTINATION`).
 */
export interface InlineSplit {
  readonly fromType: string;
  readonly block: string;
  readonly toType: string;
  /** Attribute of the new resource ← attribute of the parent. */
  readonly parent: Readonly<Record<string, string>>;
  /** Its state-like id; `{a|b}` takes the first attribute that is set. */
  readonly idTemplate: string;
}

export const INLINE_SPLITS: readonly InlineSplit[] = [
  {
    fromType: 'aws_route_table',
    block: 'route',
    toType: 'aws_route',
    parent: { route_table_id: 'id', region: 'region' },
    idTemplate: '{route_table_id}_{cidr_block|ipv6_cidr_block|destination_prefix_list_id}',
  },
];

/** Inline-block attribute → attribute of the split resource (aws_route_table.route → aws_route). */
export const SPLIT_RENAMES: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  aws_route: { cidr_block: 'destination_cidr_block', ipv6_cidr_block: 'destination_ipv6_cidr_block' },
};

/**
 * Clouds whose provider ships with the management-policies feature off (providers.json note of
 * oracle/crossplane-provider-oci: "management-policies feature never enabled"): an Observe-only
 * manifest is refused until an operator enables it.
 */
export function managementPoliciesOff(providerNote: string | undefined): boolean {
  return /management[- ]policies feature never enabled/i.test(providerNote ?? '');
}

/**
 * Extra ProviderConfig spec fields a cloud requires, from the stack's provider block or the state
 * (GCP's ProviderConfig requires `projectID`).
 */
export const PROVIDER_CONFIG_FIELDS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  gcp: { projectID: 'project' },
};
