/** The Lua builder's error type and the small checks every part of it shares. */

/** Every rejection by the Lua builder. The message names the input, echoes it and says what is allowed. */
export class LuaRecordError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'LuaRecordError';
  }
}

/** PowerDNS parses numeric options with atoi/stoi into an int. */
export const INT_MAX = 2147483647;

/** Echo a value in a message safely (quotes and escapes strings, shortens long ones). */
export function show(value: unknown): string {
  if (typeof value === 'string') {
    const text = JSON.stringify(value.length > 80 ? `${value.slice(0, 77)}...` : value);
    return text;
  }
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  if (value === undefined) return 'undefined';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return `a ${typeof value}`;
}

export function checkInteger(value: unknown, what: string, min: number, max: number, unit = ''): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw new LuaRecordError(`${what} must be an integer from ${min} to ${max}${unit}; received ${show(value)}`);
  }
  return value;
}
