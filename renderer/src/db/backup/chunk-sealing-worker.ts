import { chunkMaker, databaseOpener, type ChunkRequest } from './chunk-sealing';

/**
 * The worker that makes a backup's chunks (`chunk-sealer.ts`): it reads the rows itself, through
 * its own connection to the same database, so they are never copied from the page's thread, and
 * serialises, seals and digests them here, off it.
 */
const make = chunkMaker(databaseOpener(self.indexedDB));

self.addEventListener('message', (event: MessageEvent<ChunkRequest>) => {
  void make(event.data, (reply) => self.postMessage(reply));
});
