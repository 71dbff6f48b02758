// A Node module-resolution hook (see register.ts): `electron` is the stand-in, everything else as usual.
import type { InitializeHook, ResolveHook } from 'node:module';

let standInUrl = '';

export const initialize: InitializeHook<{ standInUrl: string }> = (data) => {
  standInUrl = data.standInUrl;
};

export const resolve: ResolveHook = (specifier, context, nextResolve) => {
  if (specifier === 'electron') return { url: standInUrl, shortCircuit: true };
  return nextResolve(specifier, context);
};
