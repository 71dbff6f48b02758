import { digestRequestHandler, type DigestRequest } from './digest-requests';

/**
 * The worker that takes a backup's digests off the page's thread (`table-digests.ts`): SHA-256 in
 * WebAssembly over every row's text would otherwise hold up reading and serialising the next page.
 */
const handle = digestRequestHandler();

self.addEventListener('message', (event: MessageEvent<DigestRequest>) => {
  void handle(event.data).then((reply) => self.postMessage(reply));
});
