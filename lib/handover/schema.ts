/** The shape of CRD schemas, shared by the catalogue (mapping.ts) and the validators (crd.ts). */

/** A JSON Schema node as CRDs write it (OpenAPI v3 subset). */
export interface SchemaNode {
  readonly type?: string;
  readonly description?: string;
  readonly properties?: Readonly<Record<string, SchemaNode>>;
  readonly additionalProperties?: SchemaNode | boolean;
  readonly items?: SchemaNode;
  readonly required?: readonly string[];
  readonly enum?: readonly unknown[];
  readonly format?: string;
  readonly 'x-kubernetes-validations'?: readonly { readonly rule: string; readonly message?: string }[];
  readonly [key: string]: unknown;
}
