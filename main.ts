/**
 * Builds the cdktf app from the validated model: one RegionStack per environment, plus the global
 * `dns` stack when sovereign.json configures DNS. Nothing else: the `sovereign synth` command
 * (lib/cli, run by cdktf.json's app and `npm run synth` through bin/sovereign.js) validates the
 * input, calls buildApp, synthesizes and reports.
 */
import { App } from 'cdktf';
import { SovereignModel } from './lib/config/model';
import { loadK3sTemplates } from './lib/templates';
import { dnsRegionAddresses } from './constructs/stacks/dns-addresses';
import { DnsStack } from './constructs/stacks/dns-stack';
import { RegionStack } from './constructs/stacks/region-stack';
import { VmPlatform } from './constructs/provider-vm/vm-platform';

/** Name of the global DNS stack. */
export const DNS_STACK = 'dns';

/** App context fixed here because the defaults would differ between machines or runs. */
export const APP_CONTEXT: Readonly<Record<string, string>> = { excludeStackIdFromLogicalIds: 'true', allowSepCharsInLogicalIds: 'true' };

export function buildApp(model: SovereignModel, outdir: string): App {
  const app = new App({ outdir, skipValidation: false, context: { ...APP_CONTEXT } });
  const templates = loadK3sTemplates();
  // Plain loops: cdktf records the whole call stack of every token, so callbacks cost memory.
  const platforms: Record<string, VmPlatform> = {};
  for (const environment of model.environments) {
    platforms[environment.name] = new RegionStack(app, environment.name, { environment, templates }).platform;
  }
  if (model.dns) {
    new DnsStack(app, DNS_STACK, { dns: model.dns, regionAddresses: dnsRegionAddresses(model.dns, platforms) });
  }
  return app;
}
