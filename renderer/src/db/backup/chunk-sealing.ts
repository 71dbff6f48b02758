import { chunkDigest, chunkWriter, sealChunkBytes } from './backup-codec';

/**
 * What a backup asks of whoever turns its pages into chunks (a worker, or this thread where there
 * are no workers): a page of rows as stored, to be serialised, sealed under the data key in its
 * place in the backup, and digested. The chunk is the same wherever it is made.
 */
export type SealRequest = {
  readonly id: number;
  readonly dataKey: CryptoKey;
  readonly backupId: string;
  readonly index: number;
  readonly table: string;
  readonly rows: readonly unknown[];
};

export type SealReply =
  | {
      readonly id: number;
      readonly ok: true;
      /** The chunk sealed, as base64 (`sealChunkBytes`). */
      readonly chunk: string;
      /** The SHA-256 of the chunk's bytes before sealing, as the manifest lists it. */
      readonly sha256: string;
      /** Milliseconds spent turning the rows into bytes, for the benchmark's phases. */
      readonly serialisingMs: number;
    }
  | { readonly id: number; readonly ok: false; readonly message: string };

/** Answers seal requests: each page serialised to bytes, then sealed and digested (both WebCrypto). */
export function sealRequestHandler(): (request: SealRequest) => Promise<SealReply> {
  const writer = chunkWriter();
  return async (request) => {
    try {
      const started = performance.now();
      const bytes = writer.chunk(request.table, request.rows);
      const serialisingMs = performance.now() - started;
      const [chunk, sha256] = await Promise.all([
        sealChunkBytes(request.dataKey, request.backupId, request.index, bytes),
        chunkDigest(bytes),
      ]);
      return { id: request.id, ok: true, chunk, sha256, serialisingMs };
    } catch (error) {
      return { id: request.id, ok: false, message: error instanceof Error ? error.message : String(error) };
    }
  };
}
