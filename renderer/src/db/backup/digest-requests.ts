import { tableDigester } from './backup-codec';

/**
 * What a backup asks of whoever takes its tables' digests (a worker, or this thread where there
 * are no workers): rows already serialised, a page at a time, and each table's digest once its
 * last page has been given. The digest is the manifest's (`tableDigester`): the same SHA-256 over
 * the same text, wherever it is worked out.
 */
export type DigestRequest =
  | {
      readonly id: number;
      readonly kind: 'add';
      readonly table: string;
      /** The page's rows as JSON texts, joined with newlines (JSON text never holds a newline). */
      readonly joined: string;
      readonly rows: number;
    }
  | { readonly id: number; readonly kind: 'finish'; readonly table: string };

export type TableDigest = { readonly rows: number; readonly sha256: string };

export type DigestReply =
  | { readonly id: number; readonly ok: true; readonly digest?: TableDigest }
  | { readonly id: number; readonly ok: false; readonly message: string };

/**
 * Answers digest requests one at a time, in the order given: a page is added to its table's
 * running digest only after the pages before it, whatever the hasher's start-up awaits.
 */
export function digestRequestHandler(): (request: DigestRequest) => Promise<DigestReply> {
  const digesters = new Map<string, Awaited<ReturnType<typeof tableDigester>>>();
  let queue: Promise<unknown> = Promise.resolve();
  const answer = async (request: DigestRequest): Promise<DigestReply> => {
    try {
      const digester = digesters.get(request.table) ?? (await tableDigester());
      digesters.set(request.table, digester);
      if (request.kind === 'add') {
        digester.addJoined(request.joined, request.rows);
        return { id: request.id, ok: true };
      }
      digesters.delete(request.table);
      return { id: request.id, ok: true, digest: digester.finish() };
    } catch (error) {
      return { id: request.id, ok: false, message: error instanceof Error ? error.message : String(error) };
    }
  };
  return (request) => {
    const reply = queue.then(() => answer(request));
    queue = reply;
    return reply;
  };
}
