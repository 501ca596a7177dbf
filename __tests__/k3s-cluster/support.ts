import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App } from 'cdktf';
import { parse } from 'yaml';
import { RenderedUserData } from '../../constructs/k3s-cluster/k3s-cluster';
import { RegionStack } from '../../constructs/stacks/region-stack';
import { loadSovereignModel, parseEnvironment } from '../../lib/config/load-environments';
import { EnvironmentSpec } from '../../lib/config/model';
import { loadK3sTemplates } from '../../lib/templates';
import { PROJECT_DIR } from '../support/tools';

/** A region stack built from one environment, with its synthesized OpenTofu JSON. */
export interface BuiltRegion {
  readonly environment: EnvironmentSpec;
  readonly stack: RegionStack;
  /** cdk.tf.json of the stack, tokens resolved. */
  readonly tf: any;
  readonly rendered: readonly RenderedUserData[];
}

/** The shipped example environments. */
export function exampleEnvironments(): readonly EnvironmentSpec[] {
  return loadSovereignModel(PROJECT_DIR).environments;
}

/** An example environment file with some top-level fields replaced, parsed by the config layer. */
export function environmentWith(name: string, changes: Record<string, unknown>): EnvironmentSpec {
  const file = `environments/${name}/environment.json`;
  const document = JSON.parse(fs.readFileSync(path.join(PROJECT_DIR, file), 'utf8'));
  return parseEnvironment(file, name, JSON.stringify({ ...document, ...changes }));
}

/** Builds and synthesizes one RegionStack per environment (no dns stack) into a temp directory. */
export function buildRegions(environments: readonly EnvironmentSpec[]): BuiltRegion[] {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'sovereign-k3s-'));
  try {
    const app = new App({ outdir, context: { excludeStackIdFromLogicalIds: 'true', allowSepCharsInLogicalIds: 'true' } });
    const templates = loadK3sTemplates();
    const stacks = environments.map((environment) => new RegionStack(app, environment.name, { environment, templates }));
    app.synth();
    return stacks.map((stack, i) => ({
      environment: environments[i],
      stack,
      tf: JSON.parse(fs.readFileSync(path.join(outdir, 'stacks', stack.node.id, 'cdk.tf.json'), 'utf8')),
      rendered: stack.cluster.rendered,
    }));
  } finally {
    fs.rmSync(outdir, { recursive: true, force: true });
  }
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
