import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { parse } from '@cdktf/hcl2json';
import { createSchemaCatalog, loadProjectSchemaCatalog, SchemaCatalog } from '../../lib/export/block-schema';
import { Json } from '../../lib/export/hcl-renderer';
import { PROJECT_DIR, run, TOFU } from '../support/tools';
import { squeezeExpressions } from './hcl-equivalence';

/** The project's schema catalog (providers/schemas + cdktf bindings), loaded once. */
let projectCatalog: SchemaCatalog | undefined;
export function catalog(): SchemaCatalog {
  projectCatalog ??= loadProjectSchemaCatalog(PROJECT_DIR);
  return projectCatalog;
}

/** A catalog that knows no provider at all: everything goes through the fallback rule. */
export const EMPTY_CATALOG: SchemaCatalog = createSchemaCatalog({ providerSchemas: [], bindings: {} });

/** HCL parsed back to JSON by @cdktf/hcl2json (HashiCorp's HCL parser compiled to WASM). */
export async function hclToJson(text: string, filename = 'main.tf'): Promise<object> {
  return JSON.parse(JSON.stringify(await parse(filename, text))) as object;
}

/**
 * main.tf as the comparison with main.tf.json sees it: parsed back by hcl2json, expression
 * whitespace squeezed (normalization N7 of hcl-equivalence.ts, applied to both sides).
 */
export async function readBack(text: string): Promise<Json> {
  return squeezeExpressions((await hclToJson(text)) as Json);
}

/** A fresh temp directory holding only `files`. */
export function tempDirWith(files: Readonly<Record<string, string>>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sovereign-export-test-'));
  for (const [name, content] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), content);
  return dir;
}

/** `tofu fmt -check -diff` on one file: the diff, or '' when the file is formatted. */
export function tofuFmtDiff(file: string): string {
  try {
    run(TOFU, ['fmt', '-check', '-diff', '-no-color', file], path.dirname(file));
    return '';
  } catch (e) {
    return (e as Error).message;
  }
}

/** `tofu init -backend=false` + `tofu validate -json` in `dir`. */
export function tofuValidate(dir: string): { valid: boolean; error_count: number; warning_count: number; diagnostics: unknown[] } {
  run(TOFU, ['init', '-backend=false', '-input=false', '-no-color'], dir);
  return JSON.parse(run(TOFU, ['validate', '-json', '-no-color'], dir));
}
