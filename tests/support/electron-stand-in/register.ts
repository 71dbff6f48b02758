// `node --import <this file, compiled> out/main/index.js`: resolves every `import ... from 'electron'`
// in the built main process to the recording stand-in beside this file, so the real main bundle
// runs in plain Node. (Loading the real `electron` package from Node would try to download
// Electron.) main-boot.test.ts compiles these files to .mjs beside each other before using them.
import { register } from 'node:module';

register('./resolve-electron.mjs', import.meta.url, {
  data: { standInUrl: new URL('./electron.mjs', import.meta.url).href },
});
