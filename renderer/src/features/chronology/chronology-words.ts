import { contactKindLabels } from '@shared/schemas/contact-forms';
import { familyFeelingShortLabels } from '@shared/rules/voices';
import { restrictionAuthorityLabels, restrictionKindLabels } from '@shared/schemas/registers';
import { contactPlanKindLabels } from '@shared/schemas/contact-plans';
import { contactPlanWords } from '@shared/rules/contact-plan-booking';
import { visitKindLabels, type VisitStatus } from '@shared/schemas/visits';
import { clockTime } from '@shared/home-time';
import { formatUkDate } from '@shared/format-dates';
import {
  isUnreadable,
  type ChronologyEntry,
  type FormVoices,
  type Unreadable,
} from '../../db/repositories/chronology-entries';

/** One chronology line in words: what happened, and (once its record is open) who and how. */
export type EntryWords = { readonly title: string; readonly detail: string };

type Context = {
  /** A family member's name as the young person's page shows it. */
  readonly personName: (id: string) => string | undefined;
  /** A member of staff's name; without it a teller is "a member of staff". */
  readonly staffName?: ((id: string) => string | undefined) | undefined;
  readonly timeZone: string;
};

/**
 * The voices answers in a line (seed 003 §3.1: the child is told how they were listened to; seed
 * 004 §4: the family's view of our work): the telling first, as it is the step most often missed.
 */
function voiceWords(voices: FormVoices | undefined, context: Context): string {
  if (!voices) return '';
  const teller = voices.toldNextById
    ? (context.staffName?.(voices.toldNextById) ?? 'a member of staff')
    : 'someone';
  const parts = [
    voices.toldNextOn
      ? `Told what happened next on ${formatUkDate(voices.toldNextOn)} by ${teller}.`
      : 'Not yet told what happened next.',
    ...(voices.familyFeeling
      ? [`The family felt ${familyFeelingShortLabels[voices.familyFeeling]} about our work.`]
      : []),
    ...((voices.viewsUsed ?? '').trim() !== ''
      ? [`Their views were used: ${(voices.viewsUsed ?? '').trim()}`]
      : []),
  ];
  return parts.join(' ');
}

const visitStatusWords: Readonly<Record<VisitStatus, string>> = {
  planned: 'booked',
  confirmed: 'booked and confirmed',
  completed: 'held',
  cancelled: 'cancelled',
  didNotAttend: 'did not attend',
};

const unreadableWords: Readonly<Record<Unreadable['reason'], string>> = {
  damaged: 'This record has been changed outside Family Links and cannot be trusted.',
  locked: 'Your role does not show this record’s details.',
};

/** "With Karen Hughes and Dean Hughes": the named family members, then anyone else recorded. */
function withWhom(personIds: readonly string[] | undefined, context: Context, others = ''): string {
  const names = (personIds ?? []).map(
    (id) => context.personName(id) ?? 'someone no longer on the family list',
  );
  if (others.trim() !== '') names.push(others.trim());
  if (names.length === 0) return '';
  const last = names.pop();
  return `With ${names.length > 0 ? `${names.join(', ')} and ${last}` : last}.`;
}

/**
 * The words for one line. Until a line's record is opened its detail is empty; the title says what
 * the plain fields already tell (a phone call's form, a visit cancelled, someone at the door).
 */
export function entryWords(entry: ChronologyEntry, context: Context): EntryWords {
  if (isUnreadable(entry.detail))
    return { title: titleOf(entry), detail: unreadableWords[entry.detail.reason] };
  return { title: titleOf(entry), detail: detailOf(entry, context) };
}

function titleOf(entry: ChronologyEntry): string {
  switch (entry.kind) {
    case 'contactForm': {
      const what = entry.contactKind ? contactKindLabels[entry.contactKind] : 'Contact';
      if (entry.isAddendum) return `Addendum ${entry.reference} filed, correcting an earlier form`;
      return entry.status === 'filed'
        ? `${what} recorded on form ${entry.reference}`
        : `${what}: form ${entry.reference} not yet filed`;
    }
    case 'visit':
      return `${visitKindLabels[entry.visitKind]} ${visitStatusWords[entry.status]}`;
    case 'door': {
      const detail = entry.detail;
      const correction = entry.isCorrection ? ' (corrected entry)' : '';
      if (!detail || isUnreadable(detail)) return `At the front door${correction}`;
      if (detail.entryKind === 'turnedAway')
        return `Turned away at the door: ${detail.visitorName}${correction}`;
      if (detail.restrictionCheck === 'overridden')
        return `Let in on a manager’s override: ${detail.visitorName}${correction}`;
      return `Signed in: ${detail.visitorName}${correction}`;
    }
    case 'restriction': {
      const about = `${restrictionKindLabels[entry.restriction.kind]}, ${entry.restriction.name}`;
      const change = {
        recorded: 'Restriction recorded',
        changed: 'Restriction changed',
        ended: 'Restriction ended',
      };
      return `${change[entry.change]}: ${about}`;
    }
    case 'contactPlan': {
      const what = contactPlanKindLabels[entry.arrangement.kind];
      return entry.change === 'recorded'
        ? `Contact plan: ${what.toLowerCase()} agreed`
        : `Contact plan changed: ${what.toLowerCase()}`;
    }
    default: {
      const unreachable: never = entry;
      return unreachable;
    }
  }
}

function detailOf(entry: ChronologyEntry, context: Context): string {
  switch (entry.kind) {
    case 'contactForm':
      return entry.detail && !isUnreadable(entry.detail)
        ? [
            withWhom(entry.personIds, context, entry.detail.otherParticipants),
            voiceWords(entry.detail.voices, context),
          ]
            .filter(Boolean)
            .join(' ')
        : '';
    case 'visit': {
      if (!entry.detail || isUnreadable(entry.detail)) return '';
      const reason =
        entry.status === 'cancelled' && entry.detail.cancelledReason !== ''
          ? ` Reason: ${entry.detail.cancelledReason}`
          : '';
      return `${withWhom(entry.personIds, context)}${reason}`.trim();
    }
    case 'door': {
      const detail = entry.detail;
      if (!detail || isUnreadable(detail)) return '';
      const who = detail.organisationOrRelationship ? `${detail.organisationOrRelationship}.` : '';
      const left = entry.departedAt ? ` Left at ${clockTime(entry.departedAt, context.timeZone)}.` : '';
      return `${who}${left}`.trim();
    }
    case 'restriction': {
      const restriction = entry.restriction;
      const from = `In force from ${formatUkDate(restriction.effectiveFrom)}${restriction.effectiveTo ? ` to ${formatUkDate(restriction.effectiveTo)}` : ''}.`;
      // Need to know (DESIGN rule 8): the authority and its reference only for those who may read them.
      const authority =
        restriction.view === 'full'
          ? ` ${restrictionAuthorityLabels[restriction.authority]}${restriction.authorityReference ? `, reference ${restriction.authorityReference}` : ''}.`
          : '';
      const ended =
        entry.change === 'ended' && restriction.view === 'full' && restriction.endedReason
          ? ` Ended because: ${restriction.endedReason}`
          : '';
      return `${from}${authority}${ended}`;
    }
    case 'contactPlan':
      return `${withWhom(entry.personIds, context)} Now: ${contactPlanWords(entry.arrangement)}`.trim();
    default: {
      const unreachable: never = entry;
      return unreachable;
    }
  }
}
