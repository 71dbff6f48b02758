import type { Page } from '@playwright/test';

/**
 * Makes IndexedDB refuse every new row in the outbox, as a full or failing disk would, until
 * `mendTheOutbox`: nothing in the app is replaced, only the browser's own object store, so the
 * app's real writes meet the failure. Lasts until the page reloads.
 */
export async function breakTheOutbox(page: Page): Promise<void> {
  // Plain JavaScript: this project's Node tsconfig has no DOM types.
  await page.evaluate(`(() => {
    const proto = IDBObjectStore.prototype;
    const original = { add: proto.add, put: proto.put };
    window.__outboxOriginalWrites = original;
    const refuse = (write) =>
      function (...args) {
        if (this.name === 'outbox') throw new DOMException('The disk is full.', 'QuotaExceededError');
        return write.apply(this, args);
      };
    proto.add = refuse(original.add);
    proto.put = refuse(original.put);
  })()`);
}

/** Puts back what `breakTheOutbox` replaced. */
export async function mendTheOutbox(page: Page): Promise<void> {
  await page.evaluate(`(() => {
    const original = window.__outboxOriginalWrites;
    if (!original) throw new Error('The outbox was not broken.');
    Object.assign(IDBObjectStore.prototype, original);
    delete window.__outboxOriginalWrites;
  })()`);
}
