import type { IpcReply } from '../../../shared/ipc/contract';

export type AppInfo = IpcReply<'app:get-info'>;

/** What the app says about itself (About box, support requests). Plain data, no personal data. */
export function createAppInfoService(info: AppInfo) {
  const frozen = Object.freeze({ ...info, versions: Object.freeze({ ...info.versions }) });
  return {
    getInfo(): AppInfo {
      return frozen;
    },
  };
}
export type AppInfoService = ReturnType<typeof createAppInfoService>;
