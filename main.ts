/**
 * Builds the cdktf app from the validated model: one RegionStack per environment, plus the global
 * `dns` stack when sovereign.json configures DNS.
 * `cdktf synth` (cdktf.json "app") and `npm run synth` both run this file; when run directly it
 * hands over to the `sovereign synth` command, which validates input, synthesizes and reports.
 */
import { App } from 'cdktf';
import { SovereignModel } from './lib/config/model';
import { loadK3sTemplates } from './lib/templates';
import { DnsStack } from './constructs/stacks/dns-stack';
import { RegionStack } from './constructs/stacks/region-stack';

/** Name of the global DNS stack. */
export const DNS_STACK = 'dns';

/** App context fixed here because the defaults would differ between machines or runs. */
export const APP_CONTEXT: Readonly<Record<string, string>> = { excludeStackIdFromLogicalIds: 'true', allowSepCharsInLogicalIds: 'true' };

export function buildApp(model: SovereignModel, outdir: string): App {
  const app = new App({ outdir, skipValidation: false, context: { ...APP_CONTEXT } });
  const templates = loadK3sTemplates();
  const regions: Record<string, RegionStack> = {};
  for (const environment of model.environments) {
    regions[environment.name] = new RegionStack(app, environment.name, { environment, templates });
  }
  if (model.dns) {
    const dns = model.dns;
    const regionAddresses = Object.fromEntries(
      Object.entries(regions).map(([name, stack]) => [name, dns.endpoints[name] ?? stack.platform.loadBalancerIpv4]),
    );
    new DnsStack(app, DNS_STACK, { dns, regionAddresses });
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
