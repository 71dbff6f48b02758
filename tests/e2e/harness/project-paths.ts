import { resolve } from 'node:path';

/** The repository root, found from this file so the harness works from any working directory. */
export const projectRoot = resolve(import.meta.dirname, '../../..');

/** What `electron-vite build` writes for the renderer: the files the app:// protocol serves. */
export const rendererRoot = resolve(projectRoot, 'out/renderer');

/** Everything a run leaves behind for a person to look at (ignored by git). */
export const artifactsRoot = resolve(projectRoot, 'tests/e2e/artifacts');
export const screensRoot = resolve(artifactsRoot, 'screens');
