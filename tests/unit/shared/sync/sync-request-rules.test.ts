import { describe, expect, it } from 'vitest';
import { checkSyncRequest, type SyncMethod } from '../../../../shared/sync/sync-request-rules';

const allowed: readonly [SyncMethod, string, string][] = [
  ['GET', '/', ''],
  ['HEAD', '/', ''],
  ['GET', '/_changes', 'style=all_docs&since=0&limit=500'],
  ['GET', '/_changes', 'feed=longpoll&heartbeat=10000&timeout=30000&since=12-abc'],
  ['POST', '/_changes', 'filter=_doc_ids'],
  ['POST', '/_revs_diff', ''],
  ['POST', '/_bulk_docs', ''],
  ['POST', '/_bulk_get', 'revs=true&latest=true'],
  ['POST', '/_all_docs', ''],
  ['GET', '/_local/7N3xv4Kxr0Pq.abc_1%3D%3D', ''],
  ['PUT', '/_local/7N3xv4Kxr0Pq.abc_1%3D%3D', ''],
  ['GET', '/AbC-123_x', 'revs=true&open_revs=%5B%221-a%22%5D&latest=true'],
];

const refused: readonly [SyncMethod, string, string][] = [
  ['DELETE', '/', ''],
  ['PUT', '/', ''],
  ['GET', '/_security', ''],
  ['PUT', '/_security', ''],
  ['GET', '/_design/x', ''],
  ['PUT', '/_design/x', ''],
  ['POST', '/_purge', ''],
  ['POST', '/_compact', ''],
  ['POST', '/_find', ''],
  ['PUT', '/AbC-123', ''],
  ['DELETE', '/AbC-123', ''],
  ['GET', '/AbC-123/attachment.pdf', ''],
  ['GET', '/a%2F..%2F_users', ''],
  ['GET', '/.hidden', ''],
  ['GET', '//other.example/db', ''],
  ['GET', '/_local/..', ''],
  ['GET', '/_local/.', ''],
  ['GET', '/_local/a%2Fb', ''],
  ['GET', '/_local/family-links-pairing-abcdefgh', ''],
  ['DELETE', '/_local/family-links-pairing-abcdefgh', ''],
  ['GET', '/_changes', 'feed=continuous'],
  ['GET', '/_changes', 'feed=eventsource'],
  ['GET', '/_changes', 'feed=longpoll&timeout=600000'],
  ['GET', '/_changes', 'feed=longpoll&timeout=abc'],
  ['GET', '/_changes', 'feed=longpoll&heartbeat=x'],
  ['GET', '/_changes', 'Evil-Key=1'],
  ['GET', '/', 'x'.repeat(4001)],
];

describe('checkSyncRequest: only the replication protocol, inside the database', () => {
  it.each(allowed)('allows %s %s?%s', (method, path, query) => {
    expect(checkSyncRequest({ method, path, query })).toMatchObject({ ok: true, path });
  });

  it.each(refused)('refuses %s %s?%s', (method, path, query) => {
    const checked = checkSyncRequest({ method, path, query });
    expect(checked.ok).toBe(false);
    if (!checked.ok) expect(checked.reason.length).toBeGreaterThan(10);
  });

  it('bounds every longpoll: it asks the server for at most 60 s, and says how long', () => {
    expect(
      checkSyncRequest({ method: 'GET', path: '/_changes', query: 'feed=longpoll&since=3' }),
    ).toMatchObject({
      ok: true,
      kind: 'changes-longpoll',
      serverWaitMs: 60_000,
      query: 'feed=longpoll&since=3&timeout=60000',
    });
    expect(
      checkSyncRequest({ method: 'GET', path: '/_changes', query: 'feed=longpoll&timeout=25000' }),
    ).toMatchObject({ ok: true, kind: 'changes-longpoll', serverWaitMs: 25_000 });
  });
});
