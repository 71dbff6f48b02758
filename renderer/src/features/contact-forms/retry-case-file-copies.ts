import { bytesToBase64 } from '@shared/bytes';
import type { CaseFileCopy } from '@shared/schemas/contact-forms';
import { windowApi } from '../../platform/window-api';
import type { CaseFileCopyRepository } from '../../db/repositories/case-file-copy-repository';
import type { Session } from '../../db/session';

/**
 * Tries each waiting case-file copy once more (`ids`, or every copy due now). The signed bytes are
 * the ones made at filing: nothing is signed again, so the copy is the very file that was signed.
 * Returns how many were written and how many still wait.
 */
export async function retryCaseFileCopies(
  copies: CaseFileCopyRepository,
  session: Session,
  ids?: readonly string[],
  now: Date = new Date(),
): Promise<{ written: number; waiting: number }> {
  const api = windowApi();
  if (!api) return { written: 0, waiting: (await copies.waiting()).length };
  const due = ids ?? (await copies.due(now));
  let written = 0;
  for (const id of due) {
    const copy = await copies.toRetry(session, id);
    if (!copy) continue;
    const reply = await api['case-file:write']({
      bytes: bytesToBase64(copy.file.pdf),
      place: copy.file.place,
    });
    const at = new Date().toISOString();
    const outcome: CaseFileCopy = !reply.ok
      ? { state: 'queued', code: 'write-failed', message: reply.error.message, queuedAt: at }
      : reply.value.outcome === 'written'
        ? { state: 'written', relativePath: reply.value.relativePath, writtenAt: at }
        : { state: 'queued', code: reply.value.code, message: reply.value.message, queuedAt: at };
    await copies.recordRetry(session, id, outcome);
    if (outcome.state === 'written') written += 1;
  }
  return { written, waiting: (await copies.waiting()).length };
}
