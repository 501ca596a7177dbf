/**
 * Builds the cdktf app from the validated model: one RegionStack per environment.
 * `cdktf synth` (cdktf.json "app") and `npm run synth` both run this file; when run directly it
 * hands over to the `sovereign synth` command, which validates input, synthesizes and reports.
 */
import { App } from 'cdktf';
import { SovereignModel } from './lib/config/model';
import { RegionStack } from './constructs/stacks/region-stack';

export function buildApp(model: SovereignModel, outdir: string): App {
  // Context keys that would otherwise differ between machines or runs are fixed here.
  const app = new App({ outdir, skipValidation: false, context: { excludeStackIdFromLogicalIds: 'true', allowSepCharsInLogicalIds: 'true' } });
  for (const environment of model.environments) {
    new RegionStack(app, environment.name, { environment });
  }
  return app;
}

if (require.main === module) {
  // Lazy require: lib/cli imports this module for buildApp.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { runCli } = require('./lib/cli') as typeof import('./lib/cli');
  void runCli(['synth', ...process.argv.slice(2)]).then((code) => {
    process.exitCode = code;
  });
}
