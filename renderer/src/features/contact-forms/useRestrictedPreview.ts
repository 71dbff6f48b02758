import { useEffect, useState } from 'react';
import { useWatch, type Control } from 'react-hook-form';
import type { ContactFormScreenInput, RestrictedParticipant } from '@shared/schemas/contact-forms';
import { useSession } from '../../security/session-context';
import { instantFromTyped } from './contact-form-time';
import { useContactFormRepository } from './useContactFormRepository';

const checkDelayMs = 400;

/**
 * While a contact form is written: who among the people named so far is restricted, checked a
 * moment after typing stops (the same rule that marks the form when it is saved).
 */
export function useRestrictedPreview(
  control: Control<ContactFormScreenInput>,
  timeZone: string,
  fixedYoungPersonId: string | undefined,
): RestrictedParticipant[] {
  const session = useSession();
  const repository = useContactFormRepository();
  const [watchedYoungPersonId, kind, contactDate, startTime, personIds, staffIds, otherParticipants] =
    useWatch({
      control,
      name: [
        'youngPersonId',
        'kind',
        'contactDate',
        'startTime',
        'personIds',
        'staffIds',
        'otherParticipants',
      ],
    });
  const youngPersonId = fixedYoungPersonId ?? watchedYoungPersonId;
  const [found, setFound] = useState<RestrictedParticipant[]>([]);
  const key = JSON.stringify([
    youngPersonId,
    kind,
    contactDate,
    startTime,
    personIds,
    staffIds,
    otherParticipants,
  ]);

  useEffect(() => {
    const contactStartedAt = instantFromTyped(contactDate, startTime, timeZone);
    if (!youngPersonId || !kind || !contactStartedAt) return;
    let isCurrent = true;
    const timer = window.setTimeout(() => {
      repository
        .restrictedPreview(session, {
          youngPersonId,
          kind,
          contactStartedAt,
          personIds,
          staffIds,
          otherParticipants,
        })
        .then((participants) => {
          if (isCurrent) setFound(participants);
        })
        .catch((error: unknown) =>
          console.error('The restrictions could not be checked while writing', error),
        );
    }, checkDelayMs);
    return () => {
      isCurrent = false;
      window.clearTimeout(timer);
    };
    // `key` stands for the watched values, so a new array from useWatch does not re-run the check.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, repository, session, timeZone]);

  // Nothing to check without a young person and a time; otherwise the last answer stands until the check for what is on the form now answers.
  if (!youngPersonId || !kind || !instantFromTyped(contactDate, startTime, timeZone)) return [];
  return found;
}
