import type { BackupHeader } from '@shared/schemas/backup';
import type { BackupPort, BackupWritePort } from '../../../renderer/src/platform/backup-port';

/**
 * The backup channels answered in the page, holding the chunks in memory instead of a file: the
 * benchmark then times the renderer's share of a backup and a restore (reading, encoding, sealing,
 * digests, writing back), which is where the rows are; the main process's file writes are not in it.
 */
export function memoryBackupPort(): BackupPort & BackupWritePort & { readonly bytes: () => number } {
  const files = new Map<string, { header: BackupHeader; chunks: string[] }>();
  const writes = new Map<string, { header: BackupHeader; chunks: string[] }>();
  const reads = new Map<string, string[]>();
  const settings = { folder: 'memory', folderIsDefault: true, keep: 8, intervalDays: 7 };
  const okValue = <Value>(value: Value) => Promise.resolve({ ok: true as const, value });
  const begin = (header: BackupHeader) => {
    const writeId = crypto.randomUUID();
    writes.set(writeId, { header, chunks: [] });
    return okValue({ outcome: 'started' as const, writeId });
  };
  return {
    bytes: () =>
      [...files.values()].reduce(
        (sum, file) => sum + file.chunks.reduce((total, chunk) => total + chunk.length, 0),
        0,
      ),
    'auth:challenge': () => okValue({ nonce: '0'.repeat(64), expiresAt: new Date().toISOString() }),
    'backup:get-settings': () => okValue(settings),
    'backup:choose-folder': () => okValue({ outcome: 'cancelled' as const }),
    'backup:set-options': () => okValue(settings),
    'backup:list': () => okValue({ outcome: 'listed' as const, files: [] }),
    'backup:begin': ({ header }) => begin(header),
    // No proof here: the benchmark times the renderer's work, and the proof is checked in the main process.
    begin,
    'backup:append': ({ writeId, chunk }) => {
      writes.get(writeId)?.chunks.push(chunk);
      return okValue({ outcome: 'appended' as const });
    },
    'backup:finish': ({ writeId }) => {
      const write = writes.get(writeId);
      writes.delete(writeId);
      const fileName = `family-links-backup-${files.size}.flbackup`;
      if (write) files.set(fileName, write);
      return okValue({
        outcome: 'written' as const,
        fileName,
        sizeBytes: write?.chunks.reduce((sum, chunk) => sum + chunk.length, 0) ?? 0,
        sha256: '0'.repeat(64),
        removed: [],
      });
    },
    'backup:abort': ({ writeId }) => {
      writes.delete(writeId);
      return okValue({ outcome: 'aborted' as const });
    },
    'backup:open': (request) => {
      const file = request.source === 'folder' ? files.get(request.fileName) : undefined;
      if (!file || request.source !== 'folder')
        return okValue({ outcome: 'failed' as const, code: 'not-found' as const, message: 'No such backup' });
      const readId = crypto.randomUUID();
      reads.set(readId, file.chunks);
      return okValue({
        outcome: 'opened' as const,
        readId,
        fileName: request.fileName,
        header: file.header,
        chunkCount: file.chunks.length,
      });
    },
    'backup:read-chunk': ({ readId, index }) => {
      const chunk = reads.get(readId)?.[index];
      if (chunk === undefined)
        return okValue({ outcome: 'failed' as const, code: 'damaged' as const, message: 'No such chunk' });
      return okValue({ outcome: 'chunk' as const, chunk });
    },
    'backup:close': ({ readId }) => {
      reads.delete(readId);
      return okValue({ outcome: 'closed' as const });
    },
  };
}
