import * as fs from 'fs';
import * as path from 'path';
import { renderHcl } from '../../lib/export/hcl-renderer';
import { heredocTemplate, soleInterpolation, splitTemplate } from '../../lib/export/hcl-template';
import { itWithTool, run, TOFU } from '../support/tools';
import { expectedHcl2Json } from './hcl-equivalence';
import { catalog, EMPTY_CATALOG, readBack, tempDirWith, tofuFmtDiff, tofuValidate } from './support';

/**
 * The HCL renderer on small Terraform JSON documents: each rule of docs/EXPORT.md, checked three
 * ways — the text it writes, HashiCorp's HCL parser reading it back (same meaning as the JSON), and
 * OpenTofu (fmt finds nothing to change; validate accepts it).
 */
const itTofu = itWithTool('tofu');
const dirs: string[] = [];
afterAll(() => dirs.forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));
const tempDir = (files: Record<string, string>) => {
  const dir = tempDirWith(files);
  dirs.push(dir);
  return dir;
};

/** A document exercising the string and key rules, using only OpenTofu's built-in provider. */
const STRINGS = {
  variable: {
    note: {
      type: 'string',
      description: 'Literal text: ${not.a.reference} and %{ not a directive }, a "quote" and a \\ backslash.',
      default: 'also literal: ${x}',
    },
    tags: { type: 'map', default: { 'with-dash': 'a', 'with.dot': 'b', null: 'c', 'sp ace': '${y}' } },
  },
  locals: {
    bare: '${upper(var.note)}',
    mixed: 'prefix-${var.note}-suffix',
    escaped_sequence: 'keep $${literal} and %%{literal}',
    quotes: 'a "quoted" word, a \\ backslash, a tab\there',
    control: 'bell\u0007',
    multi_line: 'line one\nline "two" ${var.note}\n\\no escape in heredocs\n',
    marker_clash: 'first\nEOT\nlast\n',
    no_final_newline: 'a\nb',
    nested_quotes: '${jsonencode({ "a" = "b" })}',
    list: ['${var.note}', 'x-${var.note}', 1, true, null],
    object: { 'key-1': '${var.note}', key2: { inner: 'v' }, '${var.note}': 'dynamic key' },
    number: 1.5,
    empty_list: [],
    empty_object: {},
  },
  resource: {
    terraform_data: {
      first: { input: '${local.mixed}' },
      second: { input: '${local.bare}', depends_on: ['terraform_data.first'], lifecycle: { replace_triggered_by: ['terraform_data.first'] } },
    },
  },
  output: { note: { value: '${local.multi_line}', description: 'Shows ${this} literally.' } },
};

describe('templates', () => {
  test('a string that is exactly one interpolation is that expression', () => {
    expect(soleInterpolation('${var.a}')).toBe('var.a');
    expect(soleInterpolation('${f("}")}')).toBe('f("}")');
    expect(soleInterpolation('${a}${b}')).toBeUndefined();
    expect(soleInterpolation('x${a}')).toBeUndefined();
    expect(soleInterpolation('$${a}')).toBeUndefined();
    expect(soleInterpolation('${~ a ~}')).toBeUndefined();
  });

  test('sequences are found across nested braces, quotes and nested templates', () => {
    expect(splitTemplate('a${f({ "k" = "${b}}" })}c%{ if x }d%{ endif }')).toEqual([
      { kind: 'literal', text: 'a' },
      { kind: 'sequence', text: '${f({ "k" = "${b}}" })}' },
      { kind: 'literal', text: 'c' },
      { kind: 'sequence', text: '%{ if x }' },
      { kind: 'literal', text: 'd' },
      { kind: 'sequence', text: '%{ endif }' },
    ]);
    expect(splitTemplate('$${a} %%{b}')).toEqual([{ kind: 'literal', text: '$${a} %%{b}' }]);
    expect(splitTemplate('${unclosed')).toBeUndefined();
  });

  test('a heredoc only when it holds the string exactly', () => {
    expect(heredocTemplate('a\nb\n')).toBe('<<EOT\na\nb\nEOT');
    expect(heredocTemplate('a\nb')).toBeUndefined(); // a heredoc always ends with a newline
    expect(heredocTemplate('one line\n')).toBeUndefined();
    expect(heredocTemplate('a\r\nb\n')).toBeUndefined(); // no escapes in heredocs
    expect(heredocTemplate('x\n  EOT\nEOT1\n')).toBe('<<EOT2\nx\n  EOT\nEOT1\nEOT2');
  });
});

describe('rendering strings, keys and references', () => {
  const { text, guesses } = renderHcl(STRINGS, { catalog: catalog() });

  test('writes each string the way OpenTofu reads it', () => {
    expect(text).toContain('  bare             = upper(var.note)\n');
    expect(text).toContain('  mixed            = "prefix-${var.note}-suffix"\n');
    expect(text).toContain('  escaped_sequence = "keep $${literal} and %%{literal}"\n');
    expect(text).toContain('  quotes           = "a \\"quoted\\" word, a \\\\ backslash, a tab\\there"\n');
    expect(text).toContain('  control          = "bell\\u0007"\n');
    expect(text).toContain('  multi_line       = <<EOT\nline one\nline "two" ${var.note}\n\\no escape in heredocs\nEOT\n');
    expect(text).toContain('  marker_clash     = <<EOT1\nfirst\nEOT\nlast\nEOT1\n');
    expect(text).toContain('  no_final_newline = "a\\nb"\n');
    expect(text).toContain('  nested_quotes    = jsonencode({ "a" = "b" })\n');
    expect(text).toContain('  list             = [var.note, "x-${var.note}", 1, true, null]\n');
    expect(text).toContain('    "${var.note}" = "dynamic key"\n');
    expect(text).toContain('  empty_list   = []\n  empty_object = {}\n');
    // Read without evaluation in JSON: written with escaped sequences in HCL.
    expect(text).toContain('  description = "Literal text: $${not.a.reference} and %%{ not a directive }, a \\"quote\\" and a \\\\ backslash."\n');
    expect(text).toContain('  default     = "also literal: $${x}"\n');
    expect(text).toContain('  type = map(any)\n');
    expect(text).toMatch(/ {4}"null" += "c"\n/);
    expect(text).toMatch(/ {4}"sp ace" += "\$\$\{y\}"\n/);
    // References JSON writes bare.
    expect(text).toContain('  depends_on = [terraform_data.first]\n');
    expect(text).toContain('    replace_triggered_by = [terraform_data.first]\n');
    expect(guesses).toEqual([]);
  });

  test('HCL parsed back means what the JSON meant', async () => {
    expect(await readBack(text)).toEqual(await expectedHcl2Json(STRINGS, catalog()));
  });

  itTofu('tofu fmt changes nothing and tofu validate accepts it', () => {
    const dir = tempDir({ 'main.tf': text });
    expect(tofuFmtDiff(path.join(dir, 'main.tf'))).toBe('');
    expect(tofuValidate(dir)).toMatchObject({ valid: true, error_count: 0, warning_count: 0 });
  });
});

/** State and plan encryption as cdktf writes it: `method` references bare, `keys` as "${…}". */
const ENCRYPTED = {
  '//': { metadata: { stackName: 'encrypted', version: '0.21.0' } },
  terraform: {
    required_version: '>= 1.10.0',
    encryption: {
      key_provider: { pbkdf2: { main: { passphrase: '${var.passphrase}' }, old: { passphrase: '${var.old_passphrase}', iterations: 600000 } } },
      method: { aes_gcm: { main: { keys: '${key_provider.pbkdf2.main}' }, old: { keys: '${key_provider.pbkdf2.old}' } } },
      state: { enforced: true, method: 'method.aes_gcm.main', fallback: { method: 'method.aes_gcm.old' } },
      plan: { enforced: true, method: 'method.aes_gcm.main' },
      remote_state_data_sources: {
        default: { method: 'method.aes_gcm.main' },
        remote_state_data_source: { upstream: { method: 'method.aes_gcm.old' } },
      },
    },
  },
  variable: {
    passphrase: { type: 'string', sensitive: true, description: 'At least 16 characters.' },
    old_passphrase: { type: 'string', sensitive: true, default: 'the-previous-passphrase' },
  },
  resource: { terraform_data: { marker: { '//': { metadata: { path: 'encrypted/marker' } }, input: 'marker' } } },
  output: { marker: { value: '${terraform_data.marker.output}' } },
};

describe('terraform { encryption }', () => {
  const { text } = renderHcl(ENCRYPTED, { catalog: catalog() });

  test('renders key providers and methods as labelled blocks, targets as blocks, references bare', () => {
    expect(text).toContain(
      [
        '  encryption {',
        '    key_provider "pbkdf2" "main" {',
        '      passphrase = var.passphrase',
        '    }',
        '',
        '    key_provider "pbkdf2" "old" {',
        '      passphrase = var.old_passphrase',
        '      iterations = 600000',
        '    }',
        '',
        '    method "aes_gcm" "main" {',
        '      keys = key_provider.pbkdf2.main',
        '    }',
        '',
        '    method "aes_gcm" "old" {',
        '      keys = key_provider.pbkdf2.old',
        '    }',
        '',
        '    state {',
        '      enforced = true',
        '      method   = method.aes_gcm.main',
        '',
        '      fallback {',
        '        method = method.aes_gcm.old',
        '      }',
        '    }',
        '',
        '    plan {',
        '      enforced = true',
        '      method   = method.aes_gcm.main',
        '    }',
        '',
        '    remote_state_data_sources {',
        '      default {',
        '        method = method.aes_gcm.main',
        '      }',
        '',
        '      remote_state_data_source "upstream" {',
        '        method = method.aes_gcm.old',
        '      }',
        '    }',
        '  }',
      ].join('\n'),
    );
    expect(text).not.toMatch(/\b0 = "encryption"/); // what `cdktf synth --hcl` writes instead
    expect(text).toContain('# metadata.stackName: encrypted\n');
    expect(text).toContain('  # metadata.path: encrypted/marker\n');
  });

  test('HCL parsed back means what the JSON meant', async () => {
    expect(await readBack(text)).toEqual(await expectedHcl2Json(ENCRYPTED, catalog()));
  });

  itTofu('tofu fmt changes nothing; tofu validate checks the encryption block and accepts it', () => {
    const dir = tempDir({ 'main.tf': text });
    expect(tofuFmtDiff(path.join(dir, 'main.tf'))).toBe('');
    expect(tofuValidate(dir)).toMatchObject({ valid: true, error_count: 0, warning_count: 0 });
    // Control: validate does read the block — the same file with `plan` as an attribute is rejected.
    const broken = tempDir({ 'main.tf': text.replace('    plan {', '    plan = {') });
    expect(() => tofuValidate(broken)).toThrow(/An argument named "plan" is not expected here/);
  });

  itTofu('tofu apply with the HCL writes state encrypted with the configured method', () => {
    const dir = tempDir({ 'main.tf': text });
    // The key provider is evaluated statically, from init on: every command needs the passphrase.
    const env = { TF_VAR_passphrase: 'correct-horse-battery-staple' };
    run(TOFU, ['init', '-input=false', '-no-color'], dir, env);
    run(TOFU, ['apply', '-auto-approve', '-input=false', '-no-color'], dir, env);
    const state = fs.readFileSync(path.join(dir, 'terraform.tfstate'), 'utf8');
    expect(state).not.toContain('"marker"');
    expect(JSON.parse(state)).toMatchObject({ encryption_version: expect.any(String), encrypted_data: expect.any(String) });
    // …and reads it back with the same passphrase.
    expect(run(TOFU, ['output', '-raw', 'marker', '-no-color'], dir, env)).toBe('marker');
  });
});

/** Providers in list form with an alias, meta-arguments, lifecycle and conditions, on a provider of the test bed's mirror. */
const META = {
  terraform: { required_providers: { random: { source: 'registry.opentofu.org/hashicorp/random', version: '3.9.0' } } },
  provider: { random: [{}, { alias: 'second' }] },
  resource: {
    random_password: {
      token: {
        count: 2,
        provider: 'random.second',
        length: 32,
        special: false,
        keepers: { generation: '1' },
        depends_on: ['terraform_data.before'],
        lifecycle: {
          create_before_destroy: true,
          ignore_changes: ['keepers'],
          precondition: [{ condition: '${length(terraform_data.before.output) > 0}', error_message: 'needs input' }],
        },
      },
    },
    terraform_data: { before: { input: 'x' } },
  },
  output: {
    tokens: {
      value: '${random_password.token[*].result}',
      sensitive: true,
      precondition: { condition: '${length(random_password.token) == 2}', error_message: 'two tokens' },
    },
  },
};

describe('providers, meta-arguments and lifecycle', () => {
  const { text, guesses } = renderHcl(META, { catalog: catalog() });

  test('lists providers per configuration and orders meta-arguments first, lifecycle last', () => {
    expect(text).toContain('provider "random" {}\n\nprovider "random" {\n  alias = "second"\n}\n');
    expect(text).toContain(
      [
        'resource "random_password" "token" {',
        '  count    = 2',
        '  provider = random.second',
        '',
        '  length  = 32',
        '  special = false',
        '  keepers = {',
        '    generation = "1"',
        '  }',
        '',
        '  depends_on = [terraform_data.before]',
        '',
        '  lifecycle {',
        '    create_before_destroy = true',
        '    ignore_changes        = [keepers]',
        '',
        '    precondition {',
        '      condition     = length(terraform_data.before.output) > 0',
        '      error_message = "needs input"',
        '    }',
        '  }',
        '}',
      ].join('\n'),
    );
    expect(guesses).toEqual([]);
  });

  test('HCL parsed back means what the JSON meant', async () => {
    expect(await readBack(text)).toEqual(await expectedHcl2Json(META, catalog()));
  });

  itTofu('tofu fmt changes nothing and tofu validate accepts it', () => {
    const dir = tempDir({ 'main.tf': text });
    expect(tofuFmtDiff(path.join(dir, 'main.tf'))).toBe('');
    expect(tofuValidate(dir)).toMatchObject({ valid: true, error_count: 0, warning_count: 0 });
  });
});

describe('types no schema describes', () => {
  const document = {
    resource: {
      acme_widget: {
        w: {
          timeouts: { create: '5m' },
          settings: { size: 1 },
          rules: [{ port: 80 }, { port: 443 }],
          dynamic: { rule: { for_each: '${[1, 2]}', iterator: 'r', content: { port: '${r.value}' } } },
        },
      },
    },
  };

  test('fall back to attributes, except the known block names, and report every guess', () => {
    const { text, guesses } = renderHcl(document, { catalog: EMPTY_CATALOG });
    expect(text).toContain('  settings = {\n    size = 1\n  }\n');
    expect(text).toContain('  rules = [\n    {\n      port = 80\n    },\n    {\n      port = 443\n    },\n  ]\n');
    expect(text).toContain('  timeouts {\n    create = "5m"\n  }\n');
    expect(text).toContain('  dynamic "rule" {\n    for_each = [1, 2]\n    iterator = r\n\n    content {\n      port = r.value\n    }\n  }\n');
    expect(guesses).toEqual([
      { address: 'resource.acme_widget.w', member: 'timeouts', decision: 'block' },
      { address: 'resource.acme_widget.w', member: 'settings', decision: 'attribute' },
      { address: 'resource.acme_widget.w', member: 'rules', decision: 'attribute' },
    ]);
  });

  test('an unknown top-level member is an error naming what is supported', () => {
    expect(() => renderHcl({ ephemeral: {} }, { catalog: EMPTY_CATALOG })).toThrow(/unsupported top-level member "ephemeral"; supported: terraform, provider/);
  });
});

/** Expressions as cdktf writes them (Fn, Op, maps) and as tofu fmt spaces them. */
const EXPRESSIONS = {
  variable: { v: { type: 'string', default: 'x' } },
  locals: {
    merged: '${merge({"a" = 1, "b-c" = var.v}, {"x" = [1, 2]})}',
    arithmetic: '${(1 + (2 * 3)) - -1}',
    conditional: '${(var.v == "x") ? "yes" : "no"}',
    encoded: '${jsonencode({"k" = [var.v, "lit"], "n" = {"m" = true}})}',
    negated: '${!(var.v != "")}',
    indexed: '${{"a" = "b"}[var.v]}',
    splat: '${[{"n" = 1}][*].n}',
    loop: '${[for k, v in {"a" = 1}: "${k}=${v}" if v > 0]}',
    exponent: '${1.5e-3 - 2}',
    dashes: '${{"a-b" = 1}["a-b"]}',
    in_text: 'id-${ upper( var.v ) }-${length([1,2])}',
    in_heredoc: 'line ${ var.v }\nnext ${upper(var.v)}\n',
  },
  output: { all: { value: '${[local.merged, local.arithmetic, local.conditional, local.encoded, local.negated, local.indexed, local.splat, local.loop, local.exponent, local.dashes, local.in_text, local.in_heredoc]}' } },
};

describe('expression spacing', () => {
  const { text } = renderHcl(EXPRESSIONS, { catalog: catalog() });

  test('only whitespace between tokens changes, the way tofu fmt changes it', () => {
    expect(text).toContain('  merged      = merge({ "a" = 1, "b-c" = var.v }, { "x" = [1, 2] })\n');
    expect(text).toContain('  arithmetic  = (1 + (2 * 3)) - -1\n');
    expect(text).toContain('  conditional = (var.v == "x") ? "yes" : "no"\n');
    expect(text).toContain('  negated     = !(var.v != "")\n');
    expect(text).toContain('  indexed     = { "a" = "b" }[var.v]\n');
    expect(text).toContain('  exponent    = 1.5e-3 - 2\n');
    expect(text).toContain('  in_text     = "id-${upper(var.v)}-${length([1, 2])}"\n');
    expect(text).toContain('  in_heredoc  = <<EOT\nline ${var.v}\nnext ${upper(var.v)}\nEOT\n');
  });

  test('HCL parsed back means what the JSON meant', async () => {
    expect(await readBack(text)).toEqual(await expectedHcl2Json(EXPRESSIONS, catalog()));
  });

  itTofu('tofu fmt changes nothing and tofu validate accepts it', () => {
    const dir = tempDir({ 'main.tf': text });
    expect(tofuFmtDiff(path.join(dir, 'main.tf'))).toBe('');
    expect(tofuValidate(dir)).toMatchObject({ valid: true, error_count: 0, warning_count: 0 });
  });

  test('a JSON document whose expressions tofu would reject still renders, unchanged', () => {
    const { text: odd } = renderHcl({ locals: { x: '${a +* b}', y: '${"unterminated}' } }, { catalog: EMPTY_CATALOG });
    expect(odd).toContain('  x = a + * b\n');
    expect(odd).toContain('  y = "${\\"unterminated}"\n');
  });
});
