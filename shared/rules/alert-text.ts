import { longDate } from '../home-time';
import { contactKindLabels, type ContactKind } from '../schemas/contact-forms';
import { panEventLabels, type PanEvent } from '../schemas/pan';

/**
 * Initials for a message that leaves the app: "J.S." for Jordan Smith. The least identifying text
 * that does the job (DESIGN rule 9; seed 003: no personal information over the internet). The preferred
 * name's first letter is used if there is one, as staff know the young person by it.
 */
export function initialsOf(person: {
  readonly firstName: string;
  readonly lastName: string;
  readonly preferredName?: string | undefined;
}): string {
  const first = firstLetter(person.preferredName || person.firstName);
  const last = firstLetter(person.lastName);
  return [first, last]
    .filter((letter) => letter !== '')
    .map((letter) => `${letter}.`)
    .join('');
}

function firstLetter(name: string): string {
  const letter = [...name.trim()][0] ?? '';
  return letter.toLocaleUpperCase('en-GB');
}

export type AlertText = { readonly subject: string; readonly body: string };

/**
 * The details line of a filed form's alert: the kind of contact and its day on the home's clock
 * ("Phone call on 15 September 2026"). No names and nothing of what was said.
 */
export function filedFormSummary(kind: ContactKind, contactStartedAt: string, timeZone: string): string {
  return `${contactKindLabels[kind]} on ${longDate(contactStartedAt, timeZone)}`;
}

/**
 * The words of an alert: initials, the reference, what happened, and "open Family Links to read it".
 * Never a full name, a family member's name, or the form's content: `summary` comes from the
 * feature that raised the alert and must be words such as "Home visit on 3 March".
 */
export function alertText(input: {
  readonly initials: string;
  readonly event: PanEvent;
  readonly reference: string;
  readonly summary?: string;
  readonly homeName?: string;
}): AlertText {
  const what = panEventLabels[input.event];
  const subject = `Family Links: ${what} for ${input.initials} (${input.reference})`;
  const lines = [
    `For ${input.initials}: ${what}.`,
    `Reference: ${input.reference}`,
    ...(input.summary ? [`Details: ${input.summary}`] : []),
    '',
    'Open Family Links to read it.',
    '',
    `This alert was sent by Family Links${input.homeName ? ` at ${input.homeName}` : ''} because you are in this young person’s PAN group. It carries initials only, on purpose. Please do not reply with personal details.`,
  ];
  return { subject, body: lines.join('\n') };
}

/**
 * A mailto: address for opening the alert in the person's own mail client (when the home has no
 * mail settings). Encoded with encodeURIComponent, so spaces are %20 as RFC 6068 asks.
 */
export function mailtoUrl(message: {
  readonly to: string;
  readonly subject: string;
  readonly body: string;
}): string {
  return `mailto:${encodeURIComponent(message.to).replace(/%40/g, '@')}?subject=${encodeURIComponent(message.subject)}&body=${encodeURIComponent(message.body.replace(/\r?\n/g, '\r\n'))}`;
}

const overdueActionBecause: Readonly<Record<'owner' | 'caseCoordinator' | 'personalTutor', string>> = {
  owner: 'the action is yours',
  caseCoordinator: 'you are this young person’s Case Co-ordinator',
  personalTutor: 'you are this young person’s Personal Tutor and nobody else could be told',
};

/**
 * The words of an overdue-action alert: initials, the form's reference and the action's number,
 * the date it was due by, and why this person is told. Never what the action says or who else was
 * named (DESIGN rule 9): the action's own words are for reading in Family Links.
 */
export function overdueActionAlertText(input: {
  readonly initials: string;
  readonly reference: string;
  readonly dueOnText: string;
  readonly because: keyof typeof overdueActionBecause;
}): AlertText {
  const subject = `Family Links: an agreed action is overdue for ${input.initials} (${input.reference})`;
  const lines = [
    `For ${input.initials}: an action agreed on a contact form was due by ${input.dueOnText} and is not marked done.`,
    `Reference: ${input.reference}`,
    '',
    'Open Family Links to read it, and mark it done with a short note once it is.',
    '',
    `You are told because ${overdueActionBecause[input.because]}. This alert carries initials only, on purpose. Please do not reply with personal details.`,
  ];
  return { subject, body: lines.join('\n') };
}

/**
 * A reminder to a young person's Personal Tutor that a family member's special date falls in the
 * coming week (seed 004 §4: cards and calls on special occasions). Initials and a reference only:
 * not whose date it is, what it is or the day, which beside the initials could identify the family
 * (DESIGN rule 9). The home screen shows the rest to whoever signs in with the key to read it.
 */
export function specialDateAlertText(input: {
  readonly initials: string;
  readonly reference: string;
}): AlertText {
  const subject = `Family Links: a family member’s special date is coming up for ${input.initials} (${input.reference})`;
  const lines = [
    `For ${input.initials}: a family member’s special date falls in the coming week.`,
    `Reference: ${input.reference}`,
    '',
    'Open Family Links to see it on your home screen, and support the young person to send a card or make a call.',
    '',
    'You are told because you are the young person’s Personal Tutor. This alert carries initials only, on purpose. Please do not reply with personal details.',
  ];
  return { subject, body: lines.join('\n') };
}
