/**
 * Imported first by every entry point. tsx turns on Node's source-map support; cdktf records a stack
 * trace for every token it creates, and mapping each of those through source maps costs ~0.2 s and
 * ~60 MB per synth (bench/README.md). Errors we report carry their own file and JSON pointer, so
 * TypeScript line numbers in stack traces are rarely needed: SOVEREIGN_SOURCE_MAPS=1 turns them back on.
 */
if (process.env.SOVEREIGN_SOURCE_MAPS !== '1') {
  process.setSourceMapsEnabled(false);
}

export {};
