import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { gunzipSync } from 'zlib';
import { DefaultTokenResolver, StringConcat, Tokenization } from 'cdktf';
import { itWithTool, run, TOFU } from '../support/tools';
import { buildRegions, BuiltRegion, exampleEnvironments } from './support';
import { PROVIDER_PINS } from '../../lib/versions';

/**
 * The proof that the escaping and the size accounting are right: the real OpenTofu, with the random
 * provider from the offline mirror, renders a server's user data (the exact string of the
 * synthesized stack, load balancer references swapped for literals) and the result must equal the
 * text checked at synth with the placeholders filled in. For AWS it also runs base64gzip and
 * compares the compressed size with the bound the limit check used.
 */
const itTofu = itWithTool('tofu');
const regions = buildRegions(exampleEnvironments().filter((e) => e.name === 'hetzner-fsn1' || e.name === 'aws-eu-central-1'));
const GITEA_TOKEN = 'c0ffee0123456789abcdef0123456789abcdef01';

/** The user data string of the stack's second control-plane server (a joining one), as synthesized. */
function synthesizedUserData(region: BuiltRegion): string {
  const tf = region.tf;
  if (region.environment.provider === 'hetzner') {
    const server = Object.entries(tf.resource.hcloud_server as Record<string, any>).find(([id]) => id.includes('control-plane-1'))![1];
    return server.user_data;
  }
  const local = Object.entries(tf.locals as Record<string, string>).find(([id]) => id.includes('control-plane-1'))!;
  return local[1];
}

describe.each(regions.map((r) => [r.environment.name, r] as const))('OpenTofu renders the user data of %s', (_name, region: BuiltRegion) => {
  itTofu('to exactly the text measured at synth, secrets and addresses filled in', () => {
    const rendered = region.rendered.find((r) => r.server.name.endsWith('control-plane-1'))!;
    const tokenId = Object.keys(region.tf.resource.random_password)[0];
    // Load balancer references become literals (their providers are not in the test bed).
    const literals = new Map<string, string>();
    let text = synthesizedUserData(region);
    const expected: Array<[string, string]> = [];
    region.stack.cluster.placeholders.entries().forEach(({ placeholder, value }, i) => {
      const reference: string = Tokenization.resolve(value.reference, { scope: region.stack, resolver: new DefaultTokenResolver(new StringConcat()) });
      if (value.name === 'K3S_TOKEN' || value.name === 'GITEA_TOKEN') {
        expected.push([placeholder, value.name]);
        return;
      }
      const literal = value.maxLength > 15 ? `lb-${i}.example.test` : `203.0.113.${10 + i}`;
      literals.set(reference, literal);
      text = text.split(reference).join(literal);
      expected.push([placeholder, literal]);
    });
    const gzip = region.environment.provider === 'aws';
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sovereign-k3s-tofu-'));
    try {
      const config = {
        terraform: { required_providers: { random: { source: PROVIDER_PINS.random.source, version: PROVIDER_PINS.random.version } } },
        variable: { gitea_token: region.tf.variable.gitea_token },
        resource: { random_password: { [tokenId]: { length: 48, special: false } } },
        locals: { user_data: text },
        output: {
          user_data: { value: '${local.user_data}', sensitive: true },
          token: { value: `\${random_password.${tokenId}.result}`, sensitive: true },
          ...(gzip ? { gzipped: { value: '${base64gzip(local.user_data)}', sensitive: true } } : {}),
        },
      };
      fs.writeFileSync(path.join(dir, 'main.tf.json'), JSON.stringify(config, null, 2));
      run(TOFU, ['init', '-backend=false', '-input=false', '-no-color'], dir);
      run(TOFU, ['apply', '-auto-approve', '-input=false', '-no-color', `-var=gitea_token=${GITEA_TOKEN}`], dir);
      const outputs = JSON.parse(run(TOFU, ['output', '-json', '-no-color'], dir));
      const token: string = outputs.token.value;
      expect(token).toMatch(/^[A-Za-z0-9]{48}$/);

      let want = rendered.text;
      for (const [placeholder, valueName] of expected) {
        const value = valueName === 'K3S_TOKEN' ? token : valueName === 'GITEA_TOKEN' ? GITEA_TOKEN : valueName;
        want = want.split(placeholder).join(value);
      }
      expect(outputs.user_data.value).toBe(want);
      // The synth-time size used the longest values: never less than the real one.
      expect(Buffer.byteLength(outputs.user_data.value)).toBeLessThanOrEqual(rendered.size.bytes);
      if (gzip) {
        const compressed = Buffer.from(outputs.gzipped.value, 'base64');
        expect(gunzipSync(compressed).toString('utf8')).toBe(want);
        process.stdout.write(`${rendered.server.name}: OpenTofu gzip ${compressed.length} B, bound used at synth ${rendered.size.countedBytes} B\n`);
        expect(compressed.length).toBeLessThanOrEqual(rendered.size.countedBytes);
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
