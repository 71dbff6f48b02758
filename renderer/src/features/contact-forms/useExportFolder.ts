import { useMemo } from 'react';
import { bytesToBase64 } from '@shared/bytes';
import { windowApi } from '../../platform/window-api';

/**
 * Signed copies leaving the app: the person picks a folder in the system dialog, then each file is
 * written into it by the main process, which cleans the name and measures the SHA-256 of what it
 * wrote. Undefined in a window with no bridge to the main process.
 */
export function useExportFolder() {
  const api = windowApi();
  return useMemo(
    () =>
      api && {
        choose: (title: string) => api['documents:choose-export-folder']({ title }),
        write: (exportId: string, fileName: string, pdf: Uint8Array) =>
          api['documents:export-file']({ exportId, fileName, bytes: bytesToBase64(pdf) }),
      },
    [api],
  );
}
