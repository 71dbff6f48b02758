import { contextBridge, ipcRenderer } from 'electron';
import { buildApi } from '../../shared/ipc/client';

// The whole bridge: `window.api` built from the contract. Never expose `ipcRenderer` itself.
contextBridge.exposeInMainWorld('api', buildApi((channel, request) => ipcRenderer.invoke(channel, request)));
