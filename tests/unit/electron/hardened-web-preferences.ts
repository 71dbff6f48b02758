/**
 * What Electron's security checklist asks of the app window's web preferences: the page, its
 * workers and its frames reach no Node, run sandboxed and apart from the preload's world, keep the
 * web's origin rules, and embed no guest pages. The source test finds each written literally in
 * `window.ts`; the boot test finds each in force when the built main process opens the window.
 */
export const hardenedWebPreferences: readonly (readonly [name: string, value: boolean])[] = [
  ['contextIsolation', true],
  ['sandbox', true],
  ['nodeIntegration', false],
  ['nodeIntegrationInWorker', false],
  ['nodeIntegrationInSubFrames', false],
  ['webSecurity', true],
  ['allowRunningInsecureContent', false],
  ['webviewTag', false],
];
