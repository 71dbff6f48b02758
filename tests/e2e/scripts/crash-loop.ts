import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bridgeBundle, buildBundle } from '../harness/bundles';
import { startHarnessServer } from '../harness/harness-server';
import { scriptArtifacts } from '../harness/page-actions';
import { rendererRoot } from '../harness/project-paths';
import { allowedLossMs, fixtureSigner, openPersistentApp, typeThenCrash } from '../harness/typing-crash';

/**
 * `npm run crash-loop` (after `npx electron-vite build`): the crash check, 20 times in a row on
 * one persistent profile. Each run starts a new contact form (which must start blank), types
 * steadily for 20 s, kills the renderer with SIGKILL and signs in again; everything typed more
 * than 2 s before the kill must be back. Prints one line per run and a summary; exits 1 if any
 * run failed. `npm run crash-loop -- 5` runs 5.
 */
async function main(): Promise<void> {
  const runs = Number(process.argv[2] ?? '20');
  await buildBundle(bridgeBundle);
  const server = await startHarnessServer(rendererRoot);
  const tempDir = await mkdtemp(join(tmpdir(), 'family-links-crash-loop-'));
  const { app, context, close } = await openPersistentApp({
    server,
    tempDir,
    artifacts: scriptArtifacts('crash loop'),
  });
  const results = [];
  try {
    const signer = fixtureSigner(await app.startWithFixture({ size: 'small', seed: 1 }));
    let page = app.page;
    await signer.signIn(page);
    for (let run = 1; run <= runs; run += 1) {
      const outcome = await typeThenCrash({ context, page, signer, typingMs: 20_000 });
      page = outcome.page;
      results.push(outcome.check);
      const { check } = outcome;
      console.log(
        `run ${run}/${runs}: ${check.passed ? 'pass' : 'FAIL'}: typed ${check.typed}, typed more than ${allowedLossMs} ms before the kill ${check.required}, back ${check.restored}, lost the last ${check.lossWindowMs} ms${check.problem ? `: ${check.problem}` : ''}`,
      );
    }
  } finally {
    await close();
    await server.close();
    await rm(tempDir, { recursive: true, force: true });
  }
  const passed = results.filter((check) => check.passed).length;
  const windows = results.map((check) => check.lossWindowMs);
  console.log(
    JSON.stringify({
      runs: results.length,
      passed,
      failed: results.length - passed,
      loss_window_ms: { min: Math.min(...windows), max: Math.max(...windows) },
      chars_typed_per_run: Math.round(results.reduce((sum, check) => sum + check.typed, 0) / results.length),
    }),
  );
  process.exitCode = passed === results.length && results.length === runs ? 0 : 1;
}

await main();
