import { z } from 'zod';

// Imported first by api-bridge.ts: zod decides whether a schema may compile itself when the
// schema is built, so this must run before the contract's schemas are.
//
// Under the app's CSP (no 'unsafe-eval') zod can never compile its validators, so the desktop
// app always validates without JIT. Here, code Playwright runs over DevTools (init scripts,
// page.evaluate) is exempt from the CSP: zod's probe can pass there, and the compiled validator
// then throws an EvalError when called later from the page. Turning JIT off for the realm (the
// setting lives on globalThis and is shared by every zod copy in it, the app's too) keeps the
// harness as the app is.
z.config({ jitless: true });
