import type { ChronologyEvent } from '@shared/rules/chronology';
import type { VisibleRestriction } from '@shared/rules/access';
import type { ContactForm, ContactKind } from '@shared/schemas/contact-forms';
import type { VisitorEntry } from '@shared/schemas/registers';
import type { VisitKind, VisitStatus } from '@shared/schemas/visits';
import type { ContactArrangementView } from '@shared/schemas/contact-plans';

/**
 * One line of a young person's chronology, as the repository hands it to the screen. Each is
 * placed in time from its record's plain fields alone, so the whole list is ordered without
 * opening a sealed row; `detail` (and the family members in `personIds`) come once the record is
 * opened, which the screen asks for only for the lines it shows.
 */
export type ChronologyEntry = FormEntry | VisitEntry | DoorEntry | RestrictionEntry | ContactPlanEntry;

type Base = ChronologyEvent & {
  /** The record the line opens. */
  readonly recordId: string;
};

/** A contact form (or an addendum to one), at the end of the contact (an addendum: when it was filed). */
export type FormEntry = Base & {
  readonly kind: 'contactForm';
  readonly reference: string;
  /** Undefined for a form stored before its kind was kept plain. */
  readonly contactKind: ContactKind | undefined;
  readonly status: 'draft' | 'filed';
  readonly filedAt: string | undefined;
  readonly isAddendum: boolean;
  readonly detail?:
    | {
        readonly otherParticipants: string;
        /** The voices answers (seed 004 §4, seed 003 §3.1); absent on a form made before the form asked them. */
        readonly voices?: FormVoices;
      }
    | Unreadable;
};

export type FormVoices = Pick<ContactForm, 'familyFeeling' | 'viewsUsed' | 'toldNextOn' | 'toldNextById'>;

/** A visit, at its start: booked (planned or confirmed), held, cancelled or not attended. */
export type VisitEntry = Base & {
  readonly kind: 'visit';
  readonly visitKind: VisitKind;
  readonly status: VisitStatus;
  readonly endsAt: string;
  readonly detail?: { readonly cancelledReason: string } | Unreadable;
};

/** Someone at the front door for the young person: signed in, turned away, or let in on an override. */
export type DoorEntry = Base & {
  readonly kind: 'door';
  readonly departedAt: string | undefined;
  /** A correction of an earlier entry (the earlier one is not listed: corrections, not originals). */
  readonly isCorrection: boolean;
  readonly detail?:
    | (Pick<VisitorEntry, 'visitorName' | 'organisationOrRelationship' | 'restrictionCheck'> & {
        readonly entryKind: VisitorEntry['kind'];
      })
    | Unreadable;
};

/** A restriction recorded (from its start date), changed, or ended. Opened before it is listed: few per young person. */
export type RestrictionEntry = Base & {
  readonly kind: 'restriction';
  readonly change: 'recorded' | 'changed' | 'ended';
  readonly restriction: VisibleRestriction;
  readonly detail?: undefined;
};

/**
 * An arrangement of the contact plan first recorded, or changed (a new version). Opened before it
 * is listed, as the door reads it: few per young person. It shows the arrangement as it stands now.
 */
export type ContactPlanEntry = Base & {
  readonly kind: 'contactPlan';
  readonly change: 'recorded' | 'changed';
  readonly arrangement: ContactArrangementView;
  readonly detail?: undefined;
};

/** A record that did not open: changed outside the app (`damaged`), or sealed under a key this session does not hold (`locked`). */
export type Unreadable = { readonly isUnreadable: true; readonly reason: 'damaged' | 'locked' };

export function isUnreadable(detail: object | undefined): detail is Unreadable {
  return detail !== undefined && 'isUnreadable' in detail;
}
