import { useCallback, useMemo, useRef, useState } from 'react';
import type { Result } from '@shared/result';
import type { Disclosure, DisclosureReasonForm, DisclosureRequest } from '@shared/schemas/disclosures';
import { useDatabase } from '../../db/useDatabase';
import { disclosureRepository, type DisclosureError } from '../../db/repositories/disclosure-repository';
import { useSession } from '../../security/session-context';

/** What the reason dialog needs: the copy being asked about (none: the dialog is closed), and what to do with the answer. */
export type DisclosureDialogProps = {
  readonly request: DisclosureRequest | undefined;
  readonly onAnswer: (answer: DisclosureReasonForm) => Promise<Result<Disclosure, DisclosureError>>;
  readonly onCancel: () => void;
};

/**
 * Before a copy leaves the app: asks why, records the answer in the disclosure log, and only then
 * lets the export go ahead. `ask` resolves with the record, or `undefined` if the person cancels,
 * in which case nothing must leave. Render `<DisclosureReasonDialog {...dialogProps} />`.
 */
export function useDisclosure() {
  const db = useDatabase();
  const session = useSession();
  const repository = useMemo(() => disclosureRepository(db), [db]);
  const [request, setRequest] = useState<DisclosureRequest | undefined>();
  const settle = useRef<((recorded: Disclosure | undefined) => void) | undefined>(undefined);

  const finish = useCallback((recorded: Disclosure | undefined) => {
    settle.current?.(recorded);
    settle.current = undefined;
    setRequest(undefined);
  }, []);

  const ask = useCallback(
    (next: DisclosureRequest) =>
      new Promise<Disclosure | undefined>((resolve) => {
        settle.current?.(undefined); // A second export replaces an unanswered first one: the first does not go.
        settle.current = resolve;
        setRequest(next);
      }),
    [],
  );

  const onAnswer = useCallback(
    async (answer: DisclosureReasonForm) => {
      if (!request) throw new Error('A reason was given with no export waiting');
      const result = await repository.record(session, request, answer);
      if (result.ok) finish(result.value);
      return result;
    },
    [repository, session, request, finish],
  );

  const dialogProps: DisclosureDialogProps = { request, onAnswer, onCancel: () => finish(undefined) };
  return { ask, dialogProps };
}
