import { createHash } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import Ajv, { ErrorObject, ValidateFunction } from 'ajv';
import standaloneCode from 'ajv/dist/standalone';
import { ConfigError, ConfigErrors, pointer } from './errors';
import { JsonSyntaxError, parseStrictJson } from './json-parser';
import { inputStringProblems } from './string-rules';

const AJV_OPTIONS = { allErrors: true, verbose: true, strict: true, strictRequired: false } as const;

/**
 * Compiles a JSON Schema on first use. Compiling costs ~50 ms per schema on every synth, so the
 * generated validator code is kept in node_modules/.cache/sovereign-tofu/, keyed by the sha256 of
 * schema, options and ajv version; a changed schema gets a new file. Without a writable cache it
 * simply compiles in memory.
 */
export function lazySchemaValidator(schema: object): () => ValidateFunction {
  let compiled: ValidateFunction | undefined;
  return () => {
    compiled ??= cachedValidator(schema);
    return compiled;
  };
}

function cachedValidator(schema: object): ValidateFunction {
  const ajvVersion = (require('ajv/package.json') as { version: string }).version;
  const key = createHash('sha256').update(JSON.stringify({ schema, AJV_OPTIONS, ajvVersion })).digest('hex').slice(0, 32);
  const cacheDir = path.join(path.dirname(require.resolve('ajv/package.json')), '..', '.cache', 'sovereign-tofu');
  const file = path.join(cacheDir, `validator-${key}.js`);
  try {
    return require(file) as ValidateFunction;
  } catch {
    // not cached yet (or unreadable): compile below
  }
  const ajv = new Ajv({ ...AJV_OPTIONS, code: { source: true } });
  const validate = ajv.compile(schema);
  try {
    fs.mkdirSync(cacheDir, { recursive: true });
    const scratch = `${file}.${process.pid}.tmp`;
    fs.writeFileSync(scratch, standaloneCode(ajv, validate));
    fs.renameSync(scratch, file);
  } catch {
    // a read-only node_modules only costs the compile time
  }
  return validate;
}

/**
 * Parses a JSON input file (strictly: no duplicate keys, no lone surrogates, bounded depth), refuses
 * strings that break the input string rules (credentials, `${`/`%{`, control characters; see
 * string-rules.ts), validates it against its schema and returns the document. Every problem
 * becomes a ConfigError with file, JSON pointer and what is allowed.
 */
export function parseValidatedDocument<T>(file: string, text: string, validate: ValidateFunction): T {
  const document = parseJson(file, text);
  const stringErrors = inputStringProblems(file, document);
  if (stringErrors.length > 0) throw new ConfigErrors(capped(file, stringErrors));
  if (!validate(document)) {
    throw new ConfigErrors(capped(file, schemaErrors(file, validate.errors ?? [])));
  }
  return document as T;
}

/** Most problems reported for one file: a 1 MiB array of wrong items would otherwise print 500,000 lines. */
export const MAX_PROBLEMS_PER_FILE = 50;

function capped(file: string, errors: ConfigError[]): ConfigError[] {
  if (errors.length <= MAX_PROBLEMS_PER_FILE) return errors;
  const rest = errors.length - MAX_PROBLEMS_PER_FILE;
  return [...errors.slice(0, MAX_PROBLEMS_PER_FILE), new ConfigError(file, '', `and ${rest} more problem${rest === 1 ? '' : 's'} not listed`, 'fix the ones above first')];
}

export function parseJson(file: string, text: string): unknown {
  try {
    return parseStrictJson(text);
  } catch (e) {
    if (!(e instanceof JsonSyntaxError)) throw e;
    return invalidJson(file, e);
  }
}

function invalidJson(file: string, e: JsonSyntaxError): never {
  throw new ConfigError(file, e.pointer, `invalid JSON at line ${e.line}, column ${e.column}: ${e.problem}`, e.pointer ? e.allowed : `${e.allowed}; a JSON object (RFC 8259)`);
}

/**
 * ajv reports an if/then failure and its cause separately; keep the cause, drop the "must match
 * then schema" noise.
 */
function schemaErrors(file: string, errors: readonly ErrorObject[]): ConfigError[] {
  return errors.filter((e) => e.keyword !== 'if').map((e) => schemaError(file, e));
}

function schemaError(file: string, error: ErrorObject): ConfigError {
  const at = error.instancePath;
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'additionalProperties':
      return new ConfigError(file, `${at}${pointer(String(params.additionalProperty))}`, `unknown property "${params.additionalProperty}"`, knownProperties(error));
    case 'required':
      return new ConfigError(file, `${at}${pointer(String(params.missingProperty))}`, `missing required property "${params.missingProperty}"`);
    case 'enum':
      return new ConfigError(file, at, `must be one of the listed values`, (params.allowedValues as unknown[]).join(', '));
    case 'pattern':
      return new ConfigError(file, at, 'does not have the required form', `a string matching ${params.pattern}`);
    default:
      return new ConfigError(file, at, error.message ?? error.keyword);
  }
}

function knownProperties(error: ErrorObject): string | undefined {
  const properties = (error.parentSchema as { properties?: Record<string, unknown> } | undefined)?.properties;
  return properties ? Object.keys(properties).filter((k) => k !== '$schema').join(', ') : undefined;
}

