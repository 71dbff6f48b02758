import { sealRequestHandler, type SealRequest } from './chunk-sealing';

/**
 * The worker that turns a backup's pages into sealed chunks (`chunk-sealer.ts`): serialising a
 * page's rows to text and bytes on the page's thread would otherwise hold up reading the next.
 */
const handle = sealRequestHandler();

self.addEventListener('message', (event: MessageEvent<SealRequest>) => {
  void handle(event.data).then((reply) => self.postMessage(reply));
});
