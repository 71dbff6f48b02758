import type {
  ContactForm,
  ContactFormEntryInput,
  ContactFormScreen,
  ContactFormScreenInput,
} from '@shared/schemas/contact-forms';
import { instantToWallClock, wallClockToInstant } from '@shared/home-time';
import { minutesBetween } from './contact-form-time';

/** The screen's values for a form as stored (times shown in the home's zone). */
export function screenValuesOf(form: ContactForm, timeZone: string): ContactFormScreenInput {
  const start = instantToWallClock(form.contactStartedAt, timeZone);
  return {
    youngPersonId: form.youngPersonId,
    kind: form.kind,
    contactDate: start.date,
    startTime: start.time,
    durationMinutes: minutesBetween(form.contactStartedAt, form.contactEndedAt),
    personIds: [...form.personIds],
    staffIds: [...form.staffIds],
    otherParticipants: form.otherParticipants,
    initiatedBy: form.initiatedBy ?? '',
    whatHappened: form.whatHappened,
    youngPersonViews: form.youngPersonViews,
    familyViews: form.familyViews,
    concerns: form.concerns,
    isSafeguardingConcern: form.isSafeguardingConcern,
    actions: form.actions.map((action) => ({
      action: action.action,
      ownerStaffId: action.ownerStaffId ?? '',
      ownerName: action.ownerName,
      dueOn: action.dueOn ?? '',
    })),
    nextContactPlanned: form.nextContactPlanned,
    nextContactOn: form.nextContactOn ?? '',
  };
}

/** A new form's starting values: now, in the home's zone, with the author taking part. */
export function blankScreenValues(
  now: Date,
  timeZone: string,
  authorId: string,
  youngPersonId = '',
): ContactFormScreenInput {
  const start = instantToWallClock(now.toISOString(), timeZone);
  return {
    youngPersonId,
    kind: 'phoneCall',
    contactDate: start.date,
    startTime: start.time,
    durationMinutes: 15,
    personIds: [],
    staffIds: [authorId],
    otherParticipants: '',
    initiatedBy: '',
    whatHappened: '',
    youngPersonViews: '',
    familyViews: '',
    concerns: '',
    isSafeguardingConcern: false,
    actions: [],
    nextContactPlanned: '',
    nextContactOn: '',
  };
}

/** The screen's checked values as the repository's entry; undefined if the date and time do not exist in the zone. */
export function entryOf(values: ContactFormScreen, timeZone: string): ContactFormEntryInput | undefined {
  const contactStartedAt = wallClockToInstant(values.contactDate, values.startTime, timeZone);
  if (!contactStartedAt) return undefined;
  return {
    kind: values.kind,
    contactStartedAt,
    durationMinutes: values.durationMinutes,
    personIds: values.personIds,
    staffIds: values.staffIds,
    otherParticipants: values.otherParticipants,
    ...(values.initiatedBy ? { initiatedBy: values.initiatedBy } : {}),
    whatHappened: values.whatHappened,
    youngPersonViews: values.youngPersonViews,
    familyViews: values.familyViews,
    concerns: values.concerns,
    isSafeguardingConcern: values.isSafeguardingConcern,
    actions: values.actions.map((action) => ({
      action: action.action,
      ownerName: action.ownerName,
      ...(action.ownerStaffId ? { ownerStaffId: action.ownerStaffId } : {}),
      ...(action.dueOn ? { dueOn: action.dueOn } : {}),
    })),
    nextContactPlanned: values.nextContactPlanned,
    ...(values.nextContactOn ? { nextContactOn: values.nextContactOn } : {}),
  };
}
