import { contextBridge, ipcRenderer } from 'electron';
import { buildApi } from '../../shared/ipc/client';

// The whole bridge: `window.api` built from the contract. Never expose `ipcRenderer` itself;
// event listeners get the payload only, never the IPC event (which carries `sender`).
contextBridge.exposeInMainWorld(
  'api',
  buildApi(
    (channel, request) => ipcRenderer.invoke(channel, request),
    (name, listener) => {
      const handler = (_event: Electron.IpcRendererEvent, payload: unknown) => listener(payload);
      ipcRenderer.on(name, handler);
      return () => ipcRenderer.removeListener(name, handler);
    },
  ),
);
