/**
 * Shared helpers to build region stacks from environments the way main.ts does (same App context,
 * same RegionStack), and to read resources out of the synthesized OpenTofu JSON.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App } from 'cdktf';
import { APP_CONTEXT } from '../../main';
import { RegionStack } from '../../constructs/stacks/region-stack';
import { loadSovereignModel, parseEnvironment } from '../../lib/config/load-environments';
import { EnvironmentSpec } from '../../lib/config/model';
import { loadK3sTemplates } from '../../lib/templates';
import { PROJECT_DIR } from './tools';

/** An App with the context main.ts uses (logical ids as in real synth). */
export function testApp(outdir = path.join(os.tmpdir(), 'sovereign-unused')): App {
  return new App({ outdir, context: { ...APP_CONTEXT } });
}

/** The shipped example environments. */
export function exampleEnvironments(): readonly EnvironmentSpec[] {
  return loadSovereignModel(PROJECT_DIR).environments;
}

/** An example environment file with some top-level fields replaced, parsed by the config layer. */
export function environmentWith(name: string, changes: Record<string, unknown> = {}): EnvironmentSpec {
  const file = `environments/${name}/environment.json`;
  const document = JSON.parse(fs.readFileSync(path.join(PROJECT_DIR, file), 'utf8'));
  return parseEnvironment(file, name, JSON.stringify({ ...document, ...changes }));
}

/** A region stack built from one environment, with its synthesized OpenTofu JSON. */
export interface BuiltRegionStack {
  readonly environment: EnvironmentSpec;
  readonly stack: RegionStack;
  /** cdk.tf.json of the stack, tokens resolved. */
  readonly tf: any;
}

/** Builds and synthesizes one RegionStack per environment (no dns stack) into a temp directory. */
export function buildRegionStacks(environments: readonly EnvironmentSpec[]): BuiltRegionStack[] {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'sovereign-region-'));
  try {
    const app = testApp(outdir);
    const templates = loadK3sTemplates();
    const stacks = environments.map((environment) => new RegionStack(app, environment.name, { environment, templates }));
    app.synth();
    return stacks.map((stack, i) => ({
      environment: environments[i],
      stack,
      tf: JSON.parse(fs.readFileSync(path.join(outdir, 'stacks', stack.node.id, 'cdk.tf.json'), 'utf8')),
    }));
  } finally {
    fs.rmSync(outdir, { recursive: true, force: true });
  }
}

/** Builds and synthesizes the region stack of one environment. */
export function buildRegionStack(environment: EnvironmentSpec): BuiltRegionStack {
  return buildRegionStacks([environment])[0];
}

/** Every resource of one type in synthesized OpenTofu JSON. */
export function resources(tf: any, type: string): any[] {
  return Object.values(tf.resource?.[type] ?? {});
}
