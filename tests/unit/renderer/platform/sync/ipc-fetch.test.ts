import { describe, expect, it } from 'vitest';
import type { SyncHttpReply } from '../../../../../shared/ipc/channels/sync';
import {
  createIpcFetch,
  isSyncServerUnreachable,
  virtualDatabaseUrl,
} from '../../../../../renderer/src/platform/sync/ipc-fetch';

const databaseUrl = virtualDatabaseUrl('home');

function fetchAnswering(reply: SyncHttpReply) {
  return createIpcFetch(() => Promise.resolve({ ok: true, value: reply }), databaseUrl);
}

describe('sync requests carried to the main process', () => {
  it('passes the server’s answer on as a response', async () => {
    const fetch = fetchAnswering({
      outcome: 'reply',
      status: 200,
      contentType: 'application/json',
      body: '{"a":1}',
    });
    const response = await fetch(`${databaseUrl}/_changes?since=0`, { method: 'GET' });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ a: 1 });
  });

  it('turns a server out of reach into a network failure the page can tell apart', async () => {
    const fetch = fetchAnswering({
      outcome: 'failed',
      code: 'unreachable',
      message: 'Family Links could not reach the sync server.',
    });
    const failure = await fetch(`${databaseUrl}/`, { method: 'GET' }).catch((error: unknown) => error);
    // PouchDB retries a TypeError as it would a browser's own network failure.
    expect(failure).toBeInstanceOf(TypeError);
    expect(isSyncServerUnreachable(failure)).toBe(true);
    expect(isSyncServerUnreachable(new TypeError('a bug'))).toBe(false);
  });

  it('answers the relay’s refusal with a 403, not a failure to retry', async () => {
    const fetch = fetchAnswering({
      outcome: 'failed',
      code: 'refused',
      message: 'This computer has been removed.',
    });
    const response = await fetch(`${databaseUrl}/_changes`, { method: 'GET' });
    expect(response.status).toBe(403);
  });
});
