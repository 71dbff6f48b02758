import { useOutboxSender } from './useOutboxSender';

/** Keeps the outbox sending while someone is signed in (see useOutboxSender). Renders nothing. */
export function OutboxSenderRunner() {
  useOutboxSender();
  return null;
}
