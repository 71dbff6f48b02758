import { useFailedOutboxCount } from './useOutbox';

/** Beside "Outbox" in the navigation: how many messages failed, so nobody misses one. */
export function OutboxBadge() {
  const failed = useFailedOutboxCount();
  if (!failed) return null;
  return (
    <>
      {' '}
      <span className="badge badge--warn" aria-hidden="true">
        {failed}
      </span>
      <span className="visually-hidden">
        ({failed === 1 ? '1 message failed' : `${failed} messages failed`})
      </span>
    </>
  );
}
