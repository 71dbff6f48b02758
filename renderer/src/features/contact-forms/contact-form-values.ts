import type {
  ContactForm,
  ContactFormEntryInput,
  ContactFormScreen,
  ContactFormScreenInput,
} from '@shared/schemas/contact-forms';
import { instantToWallClock } from '@shared/home-time';
import { ukDateText } from '@shared/schemas/typed-date-time';
import { contactInstant, minutesBetween } from './contact-form-time';

/** The screen's values for a form as stored (times shown in the home's zone, dates as day/month/year). */
export function screenValuesOf(form: ContactForm, timeZone: string): ContactFormScreenInput {
  const start = instantToWallClock(form.contactStartedAt, timeZone);
  return {
    youngPersonId: form.youngPersonId,
    kind: form.kind,
    contactDate: ukDateText(start.date),
    startTime: start.time,
    durationMinutes: minutesBetween(form.contactStartedAt, form.contactEndedAt),
    personIds: [...form.personIds],
    staffIds: [...form.staffIds],
    otherParticipants: form.otherParticipants,
    initiatedBy: form.initiatedBy ?? '',
    whatHappened: form.whatHappened,
    youngPersonViews: form.youngPersonViews,
    familyViews: form.familyViews,
    familyFeeling: form.familyFeeling ?? '',
    familyFeelingWords: form.familyFeelingWords ?? '',
    viewsUsed: form.viewsUsed ?? '',
    toldNextOn: form.toldNextOn ? ukDateText(form.toldNextOn) : '',
    toldNextById: form.toldNextById ?? '',
    concerns: form.concerns,
    isSafeguardingConcern: form.isSafeguardingConcern,
    actions: form.actions.map((action) => ({
      action: action.action,
      ownerStaffId: action.ownerStaffId ?? '',
      ownerName: action.ownerName,
      dueOn: action.dueOn ? ukDateText(action.dueOn) : '',
    })),
    nextContactPlanned: form.nextContactPlanned,
    nextContactOn: form.nextContactOn ? ukDateText(form.nextContactOn) : '',
  };
}

/**
 * A new form's starting values: blank, with the author taking part. When it happened is left for
 * the author to enter (a silent "now" gave a call written up an hour later the wrong time, and so
 * the wrong deadline); the young person and the kind of contact only when the link that opened the
 * form named them (a line on "My young people" that owes that contact).
 */
export function blankScreenValues(
  authorId: string,
  prefill: Partial<Pick<ContactFormScreenInput, 'youngPersonId' | 'kind'>> = {},
): ContactFormScreenInput {
  return {
    youngPersonId: prefill.youngPersonId ?? '',
    kind: prefill.kind ?? '',
    contactDate: '',
    startTime: '',
    durationMinutes: 15,
    personIds: [],
    staffIds: [authorId],
    otherParticipants: '',
    initiatedBy: '',
    whatHappened: '',
    youngPersonViews: '',
    familyViews: '',
    familyFeeling: '',
    familyFeelingWords: '',
    viewsUsed: '',
    toldNextOn: '',
    toldNextById: '',
    concerns: '',
    isSafeguardingConcern: false,
    actions: [],
    nextContactPlanned: '',
    nextContactOn: '',
  };
}

/** The screen's checked values as the repository's entry; undefined if the clock never showed that date and time. */
export function entryOf(values: ContactFormScreen, timeZone: string): ContactFormEntryInput | undefined {
  const contactStartedAt = contactInstant(values.contactDate, values.startTime, timeZone);
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
    ...(values.familyFeeling ? { familyFeeling: values.familyFeeling } : {}),
    familyFeelingWords: values.familyFeelingWords,
    viewsUsed: values.viewsUsed,
    ...(values.toldNextOn ? { toldNextOn: values.toldNextOn } : {}),
    ...(values.toldNextById ? { toldNextById: values.toldNextById } : {}),
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

/**
 * A repository's field messages, keyed by the screen's fields. The screen has no field for the
 * instant the contact started (it is typed as a date and a time), and a message for a field the
 * screen lacks would show nowhere: it goes beside the date, the first of the two.
 */
export function screenFieldMessages(
  fields: Readonly<Record<string, string>> | undefined,
): Readonly<Record<string, string>> | undefined {
  if (!fields?.contactStartedAt) return fields;
  const { contactStartedAt, ...others } = fields;
  return { contactDate: contactStartedAt, ...others };
}
