import * as fs from 'fs';
import * as path from 'path';
import { TerraformOutput, Testing } from 'cdktf';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { Instance } from '@cdktf/provider-aws/lib/instance';
import { Lb } from '@cdktf/provider-aws/lib/lb';
import { LbTargetGroup } from '@cdktf/provider-aws/lib/lb-target-group';
import { Vpc } from '@cdktf/provider-aws/lib/vpc';
import { cidrContains, parseCidr } from '../../lib/common/cidr';
import { EnvironmentSpec } from '../../lib/config/model';
import { AwsVmPlatform } from '../../constructs/provider-vm/aws';
import { VmPlatform } from '../../constructs/provider-vm/vm-platform';
import { OpenTofuStack } from '../../constructs/stacks/opentofu-stack';
import { environmentWith as exampleWith, resources, testApp } from '../support/region';
import { PROJECT_DIR } from '../support/tools';

Testing.setupJest();

const NAME = 'aws-eu-central-1';
const WORLD = ['0.0.0.0/0', '::/0'];

/** The example environment, with top-level fields replaced. */
const environmentWith = (changes: Record<string, unknown> = {}): EnvironmentSpec => exampleWith(NAME, changes);

/** A region stack holding only the AWS platform, as main.ts builds it. */
function build(environment: EnvironmentSpec): { stack: OpenTofuStack; platform: AwsVmPlatform } {
  const app = testApp();
  const stack = new OpenTofuStack(app, NAME);
  const platform = new AwsVmPlatform(stack, 'vm', { environment });
  new TerraformOutput(stack, 'load_balancer_ipv4', { value: platform.loadBalancerIpv4 });
  new TerraformOutput(stack, 'api_endpoint', { value: platform.apiEndpoint });
  return { stack, platform };
}

/** The resource a `${aws_x.name.attr}` reference points to. */
function referenced(tf: any, reference: string): any {
  const match = /^\$\{([a-z0-9_]+)\.([^.]+)\.[a-z_]+\}$/.exec(reference);
  if (!match) throw new Error(`not a reference: ${reference}`);
  return tf.resource[match[1]][match[2]];
}

function opensPort(rule: any, port: number): boolean {
  return rule.ip_protocol === '-1' || (rule.from_port <= port && port <= rule.to_port);
}

/** Every inbound rule of every security group, standalone or inline. */
function ingressRules(tf: any): any[] {
  const inline = resources(tf, 'aws_security_group').flatMap((group) =>
    (group.ingress ?? []).flatMap((rule: any) => [...(rule.cidr_blocks ?? []), ...(rule.ipv6_cidr_blocks ?? [])].map((cidr: string) => ({ ...rule, ip_protocol: rule.protocol, cidr_ipv4: cidr }))),
  );
  return [...resources(tf, 'aws_vpc_security_group_ingress_rule'), ...inline];
}

describe('AwsVmPlatform', () => {
  const { stack, platform } = build(environmentWith());
  const tf = stack.toTerraform();
  const synthesized = Testing.synth(stack);

  test('the example environment is an AWS environment with three zones', () => {
    const environment = environmentWith();
    expect(environment.provider).toBe('aws');
    expect(environment.zones).toHaveLength(3);
  });

  test('GIVEN the example WHEN synthesized THEN the provider is the OpenTofu registry\'s hashicorp/aws with a pinned version', () => {
    expect(tf.terraform.required_providers.aws).toEqual({ source: 'registry.opentofu.org/hashicorp/aws', version: expect.stringMatching(/^\d+\.\d+\.\d+$/) });
  });

  test('GIVEN the example WHEN synthesized THEN credentials come only from the provider chain and labels become default tags', () => {
    expect(synthesized).toHaveProviderWithProperties(AwsProvider, {
      region: 'eu-central-1',
      default_tags: [{ tags: { ...environmentWith().labels, environment: NAME } }],
    });
    const provider = tf.provider.aws[0];
    for (const key of ['access_key', 'secret_key', 'token', 'profile', 'assume_role']) expect(provider[key]).toBeUndefined();
    // The stack's own state_passphrase is the only variable; the AWS platform adds none.
    expect(Object.keys(tf.variable ?? {}).filter((name) => name !== 'state_passphrase')).toEqual([]);
  });

  test('GIVEN the example WHEN synthesized THEN the VPC has the network range and DNS hostnames', () => {
    expect(synthesized).toHaveResourceWithProperties(Vpc, { cidr_block: '10.30.0.0/16', enable_dns_hostnames: true, enable_dns_support: true });
  });

  test('GIVEN the example WHEN synthesized THEN each zone has its own subnet, the first being subnetCidr', () => {
    const subnets = resources(tf, 'aws_subnet').map((s) => [s.availability_zone, s.cidr_block]);
    expect(subnets).toEqual([
      ['eu-central-1a', '10.30.1.0/24'],
      ['eu-central-1b', '10.30.2.0/24'],
      ['eu-central-1c', '10.30.3.0/24'],
    ]);
  });

  test('GIVEN admin CIDRs WHEN synthesized THEN no security group opens SSH or the API to the internet', () => {
    const rules = ingressRules(tf);
    expect(rules.length).toBeGreaterThan(0);
    for (const rule of rules) {
      const open = WORLD.includes(rule.cidr_ipv4) || WORLD.includes(rule.cidr_ipv6);
      expect({ rule: rule.description, ssh: open && opensPort(rule, 22), api: open && opensPort(rule, 6443) }).toEqual({ rule: rule.description, ssh: false, api: false });
    }
    const ssh = rules.filter((rule) => opensPort(rule, 22)).map((rule) => rule.cidr_ipv4);
    expect(ssh).toEqual(['203.0.113.0/24']);
  });

  test('GIVEN no admin CIDRs WHEN synthesized THEN there is no SSH rule at all', () => {
    const closed = build(environmentWith({ adminCidrs: [] })).stack.toTerraform();
    expect(ingressRules(closed).filter((rule) => opensPort(rule, 22))).toEqual([]);
    for (const rule of ingressRules(closed).filter((r) => opensPort(r, 6443))) expect(rule.cidr_ipv4).toBe('10.30.0.0/16');
  });

  test('GIVEN the example WHEN synthesized THEN every instance has a static private IP inside its subnet and one of its reservations', () => {
    const instances = resources(tf, 'aws_instance');
    expect(instances).toHaveLength(6);
    const reservations = resources(tf, 'aws_ec2_subnet_cidr_reservation');
    for (const instance of instances) {
      const subnet = referenced(tf, instance.subnet_id);
      const address = parseCidr(`${instance.private_ip}/32`)!;
      expect({ ip: instance.private_ip, inSubnet: cidrContains(parseCidr(subnet.cidr_block)!, address) }).toEqual({ ip: instance.private_ip, inSubnet: true });
      const reserved = reservations.filter((r) => r.subnet_id === instance.subnet_id && r.reservation_type === 'explicit' && cidrContains(parseCidr(r.cidr_block)!, address));
      expect({ ip: instance.private_ip, reservations: reserved.length }).toEqual({ ip: instance.private_ip, reservations: 1 });
    }
    const ips = instances.map((i) => i.private_ip);
    expect(new Set(ips).size).toBe(ips.length);
    expect([...platform.controlPlanePrivateIps, ...platform.agentPrivateIps.workers].sort()).toEqual([...ips].sort());
  });

  test('GIVEN the example WHEN synthesized THEN reservations stay clear of the addresses AWS keeps (first four, last)', () => {
    for (const reservation of resources(tf, 'aws_ec2_subnet_cidr_reservation')) {
      const subnet = parseCidr(referenced(tf, reservation.subnet_id).cidr_block)!;
      const block = parseCidr(reservation.cidr_block)!;
      const first = block.base - subnet.base;
      const last = first + 2 ** (32 - block.prefix) - 1;
      expect({ cidr: reservation.cidr_block, inside: cidrContains(subnet, block) && first >= 4 && last < 2 ** (32 - subnet.prefix) - 1 }).toEqual({ cidr: reservation.cidr_block, inside: true });
    }
  });

  test('GIVEN the example WHEN synthesized THEN the first server is in the first zone at the first planned address', () => {
    expect(platform.controlPlanePrivateIps).toEqual(['10.30.1.10', '10.30.2.10', '10.30.3.10']);
    expect(platform.agentPrivateIps).toEqual({ workers: ['10.30.1.42', '10.30.2.42', '10.30.3.42'] });
  });

  test('GIVEN the example WHEN synthesized THEN instances require IMDSv2 and have an encrypted gp3 root volume', () => {
    expect(synthesized).toHaveResourceWithProperties(Instance, { monitoring: true, ebs_optimized: true });
    for (const instance of resources(tf, 'aws_instance')) {
      expect(instance.metadata_options).toMatchObject({ http_tokens: 'required', http_put_response_hop_limit: 1 });
      expect(instance.root_block_device).toMatchObject({ encrypted: true, volume_type: 'gp3' });
    }
  });

  test('GIVEN three servers and three agents WHEN synthesized THEN each pool is spread over three availability zones', () => {
    for (const role of ['server', 'agent']) {
      const zones = resources(tf, 'aws_instance').filter((i) => i.tags.role === role).map((i) => referenced(tf, i.subnet_id).availability_zone);
      expect(new Set(zones)).toEqual(new Set(['eu-central-1a', 'eu-central-1b', 'eu-central-1c']));
    }
  });

  test('GIVEN the example WHEN synthesized THEN an internet-facing NLB with one Elastic IP per subnet listens on 6443, 80 and 443', () => {
    expect(synthesized).toHaveResourceWithProperties(Lb, { load_balancer_type: 'network', internal: false, enable_cross_zone_load_balancing: true });
    const [loadBalancer] = resources(tf, 'aws_lb');
    expect(loadBalancer.subnet_mapping).toHaveLength(3);
    for (const mapping of loadBalancer.subnet_mapping) expect(mapping.allocation_id).toMatch(/^\$\{aws_eip\./);
    const listeners = resources(tf, 'aws_lb_listener').map((l) => [l.port, l.protocol]);
    expect(listeners.sort()).toEqual([[443, 'TCP'], [6443, 'TCP'], [80, 'TCP']]);
  });

  test('GIVEN the example WHEN synthesized THEN target groups use TCP health checks, no client IP preservation, and 6443 reaches servers only', () => {
    expect(synthesized).toHaveResourceWithProperties(LbTargetGroup, { port: 6443, protocol: 'TCP', preserve_client_ip: 'false' });
    for (const group of resources(tf, 'aws_lb_target_group')) {
      expect(group).toMatchObject({ protocol: 'TCP', preserve_client_ip: 'false', health_check: { enabled: true, protocol: 'TCP' } });
    }
    const attachments = resources(tf, 'aws_lb_target_group_attachment');
    const roles = (port: number) => attachments.filter((a) => a.port === port).map((a) => referenced(tf, a.target_id).tags.role).sort();
    expect(roles(6443)).toEqual(['server', 'server', 'server']);
    expect(roles(443)).toEqual(['agent', 'agent', 'agent', 'server', 'server', 'server']);
  });

  test('GIVEN the example WHEN synthesized THEN the outputs are the first Elastic IP and the NLB DNS name', () => {
    const output = (name: string): string => Object.entries(tf.output as Record<string, { value: string }>).find(([key]) => key.startsWith(name))![1].value;
    expect(output('load_balancer_ipv4')).toMatch(/^\$\{aws_eip\.vm_load-balancer-ip-a_[0-9A-F]+\.public_ip\}$/);
    expect(output('api_endpoint')).toMatch(/^https:\/\/\$\{aws_lb\.vm_load-balancer_[0-9A-F]+\.dns_name\}:6443$/);
    expect((platform as VmPlatform).loadBalancerIpv6).toBeUndefined();
    expect(platform.privateNetworkCidr).toBe('10.30.0.0/16');
  });

  test('GIVEN ubuntu-24.04 WHEN synthesized THEN the AMI is the newest Canonical Noble image; an AMI id is used as given', () => {
    expect(tf.data.aws_ami).toBeDefined();
    const [ami] = Object.values(tf.data.aws_ami) as any[];
    expect(ami).toMatchObject({ owners: ['099720109477'], most_recent: true });
    expect(ami.filter).toContainEqual({ name: 'name', values: ['ubuntu/images/hvm-ssd-gp3/ubuntu-noble-24.04-amd64-server-*'] });
    const pinned = build(environmentWith({ image: 'ami-0123456789abcdef0' })).stack.toTerraform();
    expect(pinned.data).toBeUndefined();
    for (const instance of resources(pinned, 'aws_instance')) expect(instance.ami).toBe('ami-0123456789abcdef0');
  });

  test('GIVEN a Graviton pool WHEN synthesized THEN its servers get the arm64 image', () => {
    const mixed = build(environmentWith({ agentPools: [{ name: 'arm', count: 1, instanceType: 'c7g.xlarge' }] })).stack.toTerraform();
    const amis = Object.values(mixed.data.aws_ami) as any[];
    expect(amis.map((a) => a.filter[0].values[0]).sort()).toEqual([
      'ubuntu/images/hvm-ssd-gp3/ubuntu-noble-24.04-amd64-server-*',
      'ubuntu/images/hvm-ssd-gp3/ubuntu-noble-24.04-arm64-server-*',
    ]);
  });

  test('GIVEN SSH keys WHEN synthesized THEN the first becomes the key pair of every instance', () => {
    const keys = ['ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIFirst first@example', 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAISecond second@example'];
    const keyed = build(environmentWith({ sshPublicKeys: keys })).stack.toTerraform();
    expect(resources(keyed, 'aws_key_pair').map((k) => k.public_key)).toEqual([keys[0]]);
    for (const instance of resources(keyed, 'aws_instance')) expect(instance.key_name).toMatch(/^\$\{aws_key_pair\./);
    for (const instance of resources(tf, 'aws_instance')) expect(instance.key_name).toBeUndefined();
  });

  test('GIVEN a non-AWS environment WHEN constructed THEN it throws naming the file', () => {
    const hetzner: EnvironmentSpec = { ...environmentWith(), provider: 'hetzner', file: 'environments/hetzner-fsn1/environment.json' };
    expect(() => build(hetzner)).toThrow(/^environments\/hetzner-fsn1\/environment\.json: AwsVmPlatform needs provider "aws", got "hetzner"/);
  });

  test('GIVEN an image that is neither ubuntu-24.04 nor an AMI id WHEN constructed THEN it throws listing what is allowed', () => {
    const refused = /environment\.json#\/image: image "debian-12" is not usable on AWS \(allowed: "ubuntu-24.04" or an AMI id/;
    expect(() => build(environmentWith({ image: 'debian-12' }))).toThrow(refused);
    expect(() => build({ ...environmentWith(), image: 'debian-12' })).toThrow(refused);
  });

  test('GIVEN a subnet at the end of the network WHEN constructed THEN it throws because the zone subnets do not fit', () => {
    const network = { cidr: '10.30.0.0/16', subnetCidr: '10.30.254.0/24' };
    const refused = /environment\.json#\/network\/subnetCidr: 3 zone subnets of \/24 starting at 10\.30\.254\.0\/24 do not fit in network 10\.30\.0\.0\/16/;
    expect(() => environmentWith({ network })).toThrow(refused);
    expect(() => build({ ...environmentWith(), network })).toThrow(refused);
  });

  test('the construct imports AWS bindings by deep path only (the package root costs seconds and hundreds of MB)', () => {
    const source = fs.readFileSync(path.join(PROJECT_DIR, 'constructs', 'provider-vm', 'aws.ts'), 'utf8');
    expect(source).toMatch(/from '@cdktf\/provider-aws\/lib\/[a-z0-9-]+'/);
    expect(source).not.toMatch(/from '@cdktf\/provider-aws'/);
  });
});
