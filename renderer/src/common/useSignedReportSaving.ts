import { useMemo } from 'react';
import type { FamilyLinksApi } from '@shared/ipc/client';
import { fail, ok, type Result } from '@shared/result';
import type { Disclosure, DisclosureRequest } from '@shared/schemas/disclosures';
import { disclosureRepository, type DisclosureError } from '../db/repositories/disclosure-repository';
import { useDatabase } from '../db/useDatabase';
import { windowApi } from '../platform/window-api';
import { useSession } from '../security/session-context';

type SignRequest = Parameters<FamilyLinksApi['documents:sign-report']>[0];

/** A signed copy saved and its disclosure recorded. */
export type SignedReportSaved = {
  readonly fileName: string;
  readonly signerName: string;
  readonly sha256: string;
  readonly disclosure: Disclosure;
};

/**
 * A signed PDF leaving the app (DESIGN: signed PDFs; the disclosure log): the main process lays
 * the report out, signs it with the person's own certificate and asks where to save it. Only once
 * it is saved are the disclosure (with the file's SHA-256) and the caller's own record of it
 * written, so a cancelled save leaves nothing behind. `save` is undefined in a window with no
 * bridge to the main process. A refused key or a failed write comes back as a message to show,
 * with nothing saved, so the person can try again.
 */
export function useSignedReportSaving() {
  const db = useDatabase();
  const session = useSession();
  const api = windowApi();
  return useMemo(
    () =>
      api
        ? {
            async save(input: {
              readonly sign: SignRequest;
              readonly disclosure: DisclosureRequest;
              readonly answer: unknown;
              /** The caller's own record of the saved copy, after the disclosure. */
              readonly recordSaved: (saved: SignedReportSaved) => Promise<unknown>;
            }): Promise<Result<SignedReportSaved | 'cancelled', DisclosureError>> {
              const reply = await api['documents:sign-report'](input.sign);
              if (!reply.ok) return fail('invalid', reply.error.message);
              const outcome = reply.value;
              switch (outcome.outcome) {
                case 'cancelled':
                  return ok('cancelled');
                case 'refused':
                case 'failed':
                  return fail('invalid', `${outcome.message} Nothing was saved.`);
                case 'saved': {
                  const recorded = await disclosureRepository(db).record(
                    session,
                    { ...input.disclosure, sha256: outcome.sha256 },
                    input.answer,
                  );
                  if (!recorded.ok) return recorded;
                  const saved = {
                    fileName: outcome.fileName,
                    signerName: outcome.signerName,
                    sha256: outcome.sha256,
                    disclosure: recorded.value,
                  };
                  await input.recordSaved(saved);
                  return ok(saved);
                }
                default: {
                  const unreachable: never = outcome;
                  return unreachable;
                }
              }
            },
          }
        : undefined,
    [db, session, api],
  );
}
