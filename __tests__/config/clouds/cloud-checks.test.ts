/**
 * Each cloud's input checks (lib/config/clouds/): problems the loader reports with file, JSON
 * pointer and allowed values before any construct exists. The "cloud" rows of docs/ERRORS.md:
 * every row is one case here.
 */
import * as fs from 'fs';
import * as path from 'path';
import { checkAwsEnvironment } from '../../../lib/config/clouds/aws';
import { checkAzureEnvironment } from '../../../lib/config/clouds/azure';
import { checkHetznerEnvironment } from '../../../lib/config/clouds/hetzner';
import { ConfigError } from '../../../lib/config/errors';
import { parseEnvironment } from '../../../lib/config/load-environments';
import { EnvironmentSpec } from '../../../lib/config/model';
import { problemsOf } from '../../support/config';
import { PROJECT_DIR } from '../../support/tools';

/** The shipped example of a cloud, as its document. */
function example(folder: string): Record<string, unknown> {
  return JSON.parse(fs.readFileSync(path.join(PROJECT_DIR, 'environments', folder, 'environment.json'), 'utf8'));
}

/** The problems the loader reports for the example of `folder` with top-level fields replaced, in folder `name`. */
function problems(folder: string, changes: Record<string, unknown>, name = folder): ConfigError[] {
  return problemsOf(() => parseEnvironment(`environments/${name}/environment.json`, name, JSON.stringify({ ...example(folder), ...changes })));
}

const ECDSA = 'ecdsa-sha2-nistp256 AAAAE2VjZHNhLXNoYTItbmlzdHAyNTYAAAAIbmlzdHAyNTY= op@example';
const pool = (name: string, count: number, instanceType: string, labels?: Record<string, string>) => ({ name, count, instanceType, ...(labels ? { labels } : {}) });

describe('GIVEN an environment its cloud cannot build WHEN the loader parses it THEN it reports a ConfigError at the value', () => {
  const cases: Array<[string, string, Record<string, unknown>, string | undefined, string, RegExp, RegExp]> = [
    ['pool larger than its address block', 'hetzner-fsn1', { agentPools: [pool('workers', 23, 'cpx41')] }, undefined, '/agentPools/0/count', /pool "workers" has 23 servers; at most 22 fit in one address block/, /fewer servers/],
    ['pools beyond the subnet', 'hetzner-fsn1', { network: { cidr: '10.10.0.0/16', subnetCidr: '10.10.1.0/27' } }, undefined, '/agentPools/0/count', /pool "workers" does not fit in subnet 10\.10\.1\.0\/27/, /larger network\.subnetCidr/],
    ['AWS: environment name too long', 'aws-eu-central-1', {}, 'aws-eu-central-1-production1', '', /environment name "aws-eu-central-1-production1" has 28 characters; AWS load balancer and target group names allow at most 27/, /at most 27 characters/],
    ['AWS: image', 'aws-eu-central-1', { image: 'debian-12' }, undefined, '/image', /image "debian-12" is not usable on AWS/, /"ubuntu-24\.04" or an AMI id/],
    ['AWS: prefix out of range', 'aws-eu-central-1', { network: { cidr: '10.0.0.0/12', subnetCidr: '10.0.1.0/24' } }, undefined, '/network/cidr', /10\.0\.0\.0\/12 must be an IPv4 CIDR from \/16 to \/28 on AWS/, /\/16 to \/28/],
    ['AWS: zone subnets beyond the network', 'aws-eu-central-1', { network: { cidr: '10.30.0.0/16', subnetCidr: '10.30.254.0/24' } }, undefined, '/network/subnetCidr', /3 zone subnets of \/24 starting at 10\.30\.254\.0\/24 do not fit in network 10\.30\.0\.0\/16 \(zone eu-central-1c has no room\)/, /earlier network\.subnetCidr/],
    ['AWS: a zone share beyond its subnet', 'aws-eu-central-1', { network: { cidr: '10.30.0.0/16', subnetCidr: '10.30.1.0/27' } }, undefined, '/agentPools/0/count', /zone eu-central-1a \(subnet 10\.30\.1\.0\/27\): pool "workers" does not fit in subnet 10\.30\.1\.0\/27/, /larger network\.subnetCidr/],
    ['Azure: no SSH key', 'azure-germanywestcentral', { sshPublicKeys: [] }, undefined, '/sshPublicKeys', /sshPublicKeys is empty; Azure needs at least one SSH public key/, /ssh-ed25519 or ssh-rsa/],
    ['Azure: ECDSA key', 'azure-germanywestcentral', { sshPublicKeys: [ECDSA] }, undefined, '/sshPublicKeys/0', /sshPublicKeys\[0\] is a "ecdsa-sha2-nistp256" key; Azure accepts ssh-ed25519, ssh-rsa/, /ssh-ed25519, ssh-rsa/],
    ['Azure: image', 'azure-germanywestcentral', { image: 'debian-12' }, undefined, '/image', /image "debian-12" is not an Azure image/, /Marketplace URN/],
    ['GCP: environment label', 'gcp-europe-west3', { labels: { 'team.name': 'platform' } }, undefined, '/labels/team.name', /label "team\.name": "platform" is not a valid GCP label/, /lower-case/],
    ['GCP: pool label', 'gcp-europe-west3', { agentPools: [pool('workers', 1, 'e2-standard-2', { 'team.tier': 'web' })] }, undefined, '/agentPools/0/labels/team.tier', /pool "workers" label "team\.tier": "web" is not a valid GCP label/, /lower-case/],
    // 40 characters of environment name (the most), a 20-character pool name (the schema's most) and an 11th server: 64 characters.
    ['GCP: server name too long', 'gcp-europe-west3', { agentPools: [pool(`w${'x'.repeat(19)}`, 11, 'e2-standard-2')] }, `gcp-europe-west3-${'a'.repeat(23)}`, '/agentPools/0/name', /GCP resource name "gcp-europe-west3-a+-wx+-10" \(64 characters\) must match/, /shorten the environment folder or pool names/],
    ['GCP: environment name too long', 'gcp-europe-west3', { controlPlane: { name: 'cp', count: 1, instanceType: 'e2-standard-2' }, agentPools: [] }, `gcp-europe-west3-${'a'.repeat(24)}`, '', /environment name "gcp-europe-west3-a+" has 41 characters; GCP resource names derived from it allow at most 40/, /shorten/],
  ];

  test.each(cases)('%s', (_title, folder, changes, name, at, message, allowed) => {
    const found = problems(folder, changes, name ?? folder).find((e) => message.test(e.message));
    expect(found).toBeDefined();
    expect(found!.file).toBe(`environments/${name ?? folder}/environment.json`);
    expect(found!.pointer).toBe(at);
    expect(found!.allowed).toMatch(allowed);
    expect(found!.message.startsWith(`${found!.file}${at ? `#${at}` : ''}: `)).toBe(true);
  });

  test('the shipped examples pass every cloud check', () => {
    for (const folder of ['hetzner-fsn1', 'hetzner-nbg1', 'aws-eu-central-1', 'azure-germanywestcentral', 'gcp-europe-west3', 'oci-eu-frankfurt-1', 'huaweicloud-eu-west-101']) {
      expect(problems(folder, {})).toEqual([]);
    }
  });

  test('several problems of one cloud are reported together', () => {
    const found = problems('azure-germanywestcentral', { image: 'debian-12', sshPublicKeys: [ECDSA] });
    expect(found.map((e) => e.pointer).sort()).toEqual(['/image', '/sshPublicKeys/0']);
  });

  test('GCP: 40 characters of environment name are accepted, as the platform creates them', () => {
    expect(problems('gcp-europe-west3', { controlPlane: { name: 'cp', count: 1, instanceType: 'e2-standard-2' }, agentPools: [] }, `gcp-europe-west3-${'a'.repeat(23)}`)).toEqual([]);
  });
});

describe('GIVEN a model the loader cannot produce WHEN a cloud check runs on it THEN it still reports a ConfigError', () => {
  const spec = (folder: string, changes: Partial<EnvironmentSpec>): EnvironmentSpec => ({
    ...parseEnvironment(`environments/${folder}/environment.json`, folder, JSON.stringify(example(folder))),
    ...changes,
  });

  test('Hetzner: a location without a network zone', () => {
    const [error] = checkHetznerEnvironment(spec('hetzner-fsn1', { region: 'fra1' }));
    expect(error).toMatchObject({ pointer: '/region', allowed: 'fsn1, nbg1, hel1, ash, hil, sin' });
    expect(error.message).toMatch(/Hetzner location "fra1" has no known network zone/);
  });

  test('AWS: a region without zones', () => {
    const [error] = checkAwsEnvironment(spec('aws-eu-central-1', { zones: [] }));
    expect(error).toMatchObject({ pointer: '/region', allowed: expect.stringContaining('eu-central-1') });
    expect(error.message).toMatch(/region eu-central-1 has no availability zones/);
  });

  test('Azure: a region without zones', () => {
    const [error] = checkAzureEnvironment(spec('azure-germanywestcentral', { zones: [] }));
    expect(error).toMatchObject({ pointer: '/region', allowed: 'a region with availability zones' });
  });
});
