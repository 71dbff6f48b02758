import { ipcMain } from 'electron';
import { ipcChannels } from '../../shared/ipc/contract';
import { isAppUrl } from './app-origin';
import { createIpcRouter, type IpcHandlers } from './ipc-router';
import type { Log } from './services/clock-and-log';

/**
 * Registers every channel of the contract with `ipcMain.handle`. The sender frame is checked
 * (only the app's own top frame may call), then the shared router validates and dispatches.
 */
export function registerIpc(handlers: IpcHandlers, log: Log): void {
  const router = createIpcRouter(handlers, {
    isTrustedSender: (sender) => isAppUrl(sender.url),
    log,
  });
  for (const channel of ipcChannels) {
    ipcMain.handle(channel, (event, payload: unknown) => {
      const frame = event.senderFrame;
      const isTopFrame = frame !== null && frame === event.sender.mainFrame;
      return router.dispatch(channel, payload, { url: isTopFrame ? frame.url : 'about:blank#not-top-frame' });
    });
  }
}
