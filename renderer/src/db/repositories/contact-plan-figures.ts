import { can } from '@shared/rules/access';
import type { TermDates } from '@shared/rules/academic-calendar';
import { contactsFrom, type Contact } from '@shared/rules/contact-minimums';
import { contactAgainstPlan, type ContactAgainstPlan } from '@shared/rules/contact-plan';
import { addDays, dayStartMs } from '@shared/home-time';
import type { ContactArrangementView } from '@shared/schemas/contact-plans';
import type { YoungPerson } from '@shared/schemas/people';
import type { FamilyLinksDb } from '../database';
import type { Session } from '../session';
import { contactFormCodec } from './contact-form-codec';
import { visitCodec } from './visit-codec';

const dayMs = 86_400_000;

function inForceDuring(arrangement: ContactArrangementView, term: TermDates): boolean {
  return (
    arrangement.startsOn <= term.endsOn &&
    (arrangement.endsOn === undefined || arrangement.endsOn >= term.startsOn)
  );
}

/**
 * Each arrangement in force during `term` against the young person's contacts (their visits and
 * forms, read by the caller): for the young person's page and for "My young people", which has
 * the contacts read already.
 */
export function againstPlanInTerm(
  youngPerson: Pick<YoungPerson, 'placementStartsOn' | 'placementEndsOn'>,
  term: TermDates,
  arrangements: readonly ContactArrangementView[],
  contacts: readonly Contact[],
  now: Date,
  timeZone: string,
): ContactAgainstPlan[] {
  const placed = {
    startsOn: youngPerson.placementStartsOn,
    endsOn: youngPerson.placementEndsOn ?? term.endsOn,
  };
  return arrangements
    .filter((arrangement) => inForceDuring(arrangement, term))
    .map((arrangement) => contactAgainstPlan({ arrangement, span: term, placed, contacts, now, timeZone }));
}

/**
 * Contact against the plan for one young person and one term, for their page. Only for those who
 * lead contact: the count is of every contact form, and care staff read only the forms they took
 * part in (DESIGN rule 8), so a count for them would be a count of what they may not see.
 */
export function contactPlanFigures(db: FamilyLinksDb) {
  return {
    async forTerm(
      session: Session,
      youngPerson: Pick<YoungPerson, 'id' | 'placementStartsOn' | 'placementEndsOn'>,
      term: TermDates,
      arrangements: readonly ContactArrangementView[],
      now: Date,
      timeZone: string,
    ): Promise<ContactAgainstPlan[] | undefined> {
      if (!can(session.roles, 'contact-plan:read-agreement')) return undefined;
      if (!arrangements.some((arrangement) => inForceDuring(arrangement, term))) return [];
      const fromMs = dayStartMs(term.startsOn, timeZone);
      const from = new Date(fromMs).toISOString();
      // A contact that starts on the term's last day may end after midnight.
      const to = new Date(dayStartMs(addDays(term.endsOn, 1), timeZone) + dayMs).toISOString();
      const visitsFrom = new Date(fromMs - dayMs).toISOString();
      const [formRows, visitRows] = await Promise.all([
        db.contactForms
          .where('[youngPersonId+contactEndedAt]')
          .between([youngPerson.id, from], [youngPerson.id, to], true, false)
          .toArray(),
        db.visits.where('youngPersonIds').equals(youngPerson.id).toArray(),
      ]);
      const [forms, visits] = await Promise.all([
        Promise.all(formRows.map((row) => contactFormCodec.decode(row, session.cipher))),
        Promise.all(
          visitRows
            .filter((row) => row.startsAt >= visitsFrom && row.startsAt < to)
            .map((row) => visitCodec.decode(row, session.cipher)),
        ),
      ]);
      return againstPlanInTerm(youngPerson, term, arrangements, contactsFrom(visits, forms), now, timeZone);
    },
  };
}
