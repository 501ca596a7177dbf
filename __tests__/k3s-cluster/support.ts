import { parse } from 'yaml';
import { RenderedUserData } from '../../constructs/k3s-cluster/k3s-cluster';
import { RegionStack } from '../../constructs/stacks/region-stack';
import { EnvironmentSpec } from '../../lib/config/model';
import { buildRegionStacks } from '../support/region';

export { environmentWith, exampleEnvironments } from '../support/region';

/** A region stack built from one environment, with its synthesized OpenTofu JSON. */
export interface BuiltRegion {
  readonly environment: EnvironmentSpec;
  readonly stack: RegionStack;
  /** cdk.tf.json of the stack, tokens resolved. */
  readonly tf: any;
  readonly rendered: readonly RenderedUserData[];
}

/** Builds and synthesizes one RegionStack per environment (no dns stack) into a temp directory. */
export function buildRegions(environments: readonly EnvironmentSpec[]): BuiltRegion[] {
  return buildRegionStacks(environments).map((built) => ({ ...built, rendered: built.stack.cluster.rendered }));
}

/** One file cloud-init writes. */
export interface WrittenFile {
  readonly path: string;
  readonly permissions: string;
  readonly content: string;
}

/** The cloud-config document of rendered user data, parsed (PyYAML and `yaml` agree on it). */
export function cloudConfig(text: string): { write_files: WrittenFile[]; runcmd: unknown[] } {
  return parse(text) as { write_files: WrittenFile[]; runcmd: unknown[] };
}

/** The file cloud-init writes at `filePath`, or undefined. */
export function writtenFile(text: string, filePath: string): WrittenFile | undefined {
  return cloudConfig(text).write_files.find((f) => f.path === filePath);
}
