import { resolve } from 'node:path';

/** The repository root, found from this file so the harness works from any working directory. */
export const projectRoot = resolve(import.meta.dirname, '../../..');

/**
 * Where `electron-vite build` writes: `out/` unless FAMILY_LINKS_OUT_DIR names another folder, so
 * two people (or two sessions) can build and run the specs in one checkout without overwriting
 * each other's build mid-run.
 */
export const buildRoot = resolve(projectRoot, process.env['FAMILY_LINKS_OUT_DIR'] ?? 'out');

/** What `electron-vite build` writes for the renderer: the files the app:// protocol serves. */
export const rendererRoot = resolve(buildRoot, 'renderer');

/** Everything a run leaves behind for a person to look at (ignored by git). */
export const artifactsRoot = resolve(projectRoot, 'tests/e2e/artifacts');
export const screensRoot = resolve(artifactsRoot, 'screens');
