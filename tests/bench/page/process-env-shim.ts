/**
 * React reads `process.env.NODE_ENV` when it loads; the benchmark page is a plain browser page
 * with no `process`. Imported before React, this says "production", as the app's own build does.
 */
const holder = globalThis as { process?: { env: Record<string, string> } };
holder.process ??= { env: { NODE_ENV: 'production' } };
export {};
