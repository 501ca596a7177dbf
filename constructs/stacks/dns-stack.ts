import { TerraformOutput } from 'cdktf';
import { providerFallbackVariable } from '../common/provider-fallback-variable';
import { Construct } from 'constructs';
import { DnsSpec } from '../../lib/config/model';
import { PowerdnsProvider } from '../../providers/powerdns/provider';
import { DnsFailover } from '../dns-failover/dns-failover';
import { OpenTofuStack } from './opentofu-stack';

/** Props for {@link DnsStack}. */
export interface DnsStackProps {
  /** Zone, name servers and applications from sovereign.json. */
  readonly dns: DnsSpec;
  /**
   * Public IPv4 of every region, by environment name: a literal, or another stack's output token
   * (cdktf turns it into a remote-state read).
   */
  readonly regionAddresses: Readonly<Record<string, string>>;
}

/**
 * The global `dns` stack: PowerDNS zone and application records, pointing at the region addresses
 * it is given (dns-addresses.ts: the region stacks' load balancer outputs, unless sovereign.json gives a
 * literal endpoint). The PowerDNS API URL and key are sensitive variables (also settable as
 * PDNS_SERVER_URL / PDNS_API_KEY, the provider's own environment variables).
 */
export class DnsStack extends OpenTofuStack {
  public readonly failover: DnsFailover;

  constructor(scope: Construct, id: string, props: DnsStackProps) {
    super(scope, id, { state: props.dns.state });
    const serverUrl = providerFallbackVariable(this, 'powerdns_server_url', { sensitive: true, description: 'PowerDNS API URL, e.g. https://pdns.example:8081. Leave unset to use PDNS_SERVER_URL.' });
    const apiKey = providerFallbackVariable(this, 'powerdns_api_key', { sensitive: true, description: 'PowerDNS API key. Leave unset to use PDNS_API_KEY.' });
    new PowerdnsProvider(this, 'powerdns', { serverUrl: serverUrl.stringValue, apiKey: apiKey.stringValue });

    this.failover = new DnsFailover(this, 'failover', { dns: props.dns, regionAddresses: props.regionAddresses });

    new TerraformOutput(this, 'records', {
      description: 'The application records: name → type and contents.',
      value: Object.fromEntries(props.dns.applications.map((app) => [app.fqdn, { type: this.failover.records[app.name].type, records: this.failover.records[app.name].records }])),
    }).overrideLogicalId('records');
  }
}
