import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback, useState } from 'react';
import type { ProtocolAnswer } from '@shared/schemas/visiting-protocol';
import { useVisitingProtocol } from '../../common/useVisitingProtocol';

/** What the member of staff has chosen so far in the protocol step. */
export type ProtocolChoice = {
  readonly outcome: ProtocolAnswer['outcome'] | undefined;
  readonly signature: { readonly pngBase64: string; readonly strokeCount: number } | undefined;
  readonly readById: string;
};

const noChoice = (staffId: string): ProtocolChoice => ({
  outcome: undefined,
  signature: undefined,
  readById: staffId,
});

/**
 * The visiting protocol's step at sign-in (seed 004 §4): whether the visitor chosen from the
 * register must be asked now (live, so a version published meanwhile asks again), what staff have
 * chosen, and the answer for the sign-in, or what is missing in plain words. Kept out of the
 * sign-in form's draft: a drawn signature is the visitor's, taken with them there.
 */
export function useProtocolAtDoor(personId: string | undefined, staffId: string) {
  const protocol = useVisitingProtocol();
  const ask = useLiveQuery(() => protocol.askFor(personId), [protocol.askFor, personId]);
  // A choice belongs to the visitor it was made for: another name chosen starts afresh.
  const [made, setMade] = useState<{ personId: string | undefined; choice: ProtocolChoice }>(() => ({
    personId,
    choice: noChoice(staffId),
  }));
  const choice = made.personId === personId ? made.choice : noChoice(staffId);
  const [error, setError] = useState<string | undefined>();
  const reset = useCallback(() => {
    setMade({ personId: undefined, choice: noChoice(staffId) });
    setError(undefined);
  }, [staffId]);

  /** The answer to send with the sign-in (undefined when nobody need be asked), or why it cannot go yet. */
  const answer = (): { ok: true; value: ProtocolAnswer | undefined } | { ok: false; message: string } => {
    if (ask?.kind !== 'ask') return { ok: true, value: undefined };
    const { version } = ask;
    switch (choice.outcome) {
      case undefined:
        return {
          ok: false,
          message:
            'Go through the visiting protocol with them: they sign it, you read it to them, or they decline.',
        };
      case 'signed':
        return choice.signature
          ? { ok: true, value: { outcome: 'signed', version, staffId, signature: choice.signature } }
          : { ok: false, message: 'Ask them to sign in the box, or choose “Read to them by”.' };
      case 'readToThem':
        return choice.readById
          ? { ok: true, value: { outcome: 'readToThem', version, staffId: choice.readById } }
          : { ok: false, message: 'Choose who read the protocol to them.' };
      case 'declined':
        return { ok: true, value: { outcome: 'declined', version, staffId } };
      default: {
        const unreachable: never = choice.outcome;
        return unreachable;
      }
    }
  };

  return {
    ask,
    current: protocol.current,
    choice,
    setChoice: (next: ProtocolChoice) => {
      setMade({ personId, choice: next });
      setError(undefined);
    },
    error,
    setError,
    answer,
    reset,
  };
}
export type ProtocolAtDoor = ReturnType<typeof useProtocolAtDoor>;
