import { familyFeelingLabels, type ContactForm } from '../schemas/contact-forms';

/**
 * What goes onto a filed contact form's signed case-file copy (DESIGN: signed PDFs), as plain data:
 * the caller looks the names up; this decides what the copy says. Need to know (DESIGN rule 8):
 * the young person appears by initials and case number, never their full name.
 */

export type FilingNames = {
  readonly homeName: string;
  readonly youngPerson: {
    readonly firstName: string;
    readonly lastName: string;
    readonly caseNumber: string;
  };
  /** Registered people by id: "Sarah Jones (Mum)". */
  readonly people: Readonly<Record<string, string>>;
  /** Staff by id: "Alex Patel". */
  readonly staff: Readonly<Record<string, string>>;
  readonly author: { readonly name: string; readonly role: string };
  readonly timeZone: string;
};

export type ContactFormCopy = {
  readonly homeName: string;
  readonly reference: string;
  readonly kind: ContactForm['kind'];
  readonly youngPerson: { readonly initials: string; readonly caseNumber: string };
  readonly contactStartedAt: string;
  readonly contactEndedAt: string;
  readonly dueAt: string;
  readonly filedAt: string;
  /** Hours after the deadline it was filed; absent or 0 when on time. */
  readonly hoursLate?: number;
  /** Who took part, as the author wrote them ("Mum (Sarah Jones)"). */
  readonly participants: string[];
  readonly whatHappened: string;
  readonly youngPersonViews: string;
  readonly familyViews: string;
  /** The voices questions' answers; absent on a form made before the form asked them. */
  readonly voices?: VoicesCopy;
  readonly concerns: string;
  readonly isSafeguardingConcern: boolean;
  readonly actions: { action: string; owner: string; dueOn?: string }[];
  readonly author: { readonly name: string; readonly role: string };
  /** Set on a correction: the filed original is never changed, so the addendum names its file. */
  readonly addendumTo?: { readonly reference: string; readonly sha256: string; readonly reason: string };
  readonly timeZone: string;
};

export type VoicesCopy = {
  /** The point of the scale in words, or "Not answered". */
  readonly familyFeeling: string;
  readonly familyFeelingWords: string;
  readonly viewsUsed: string;
  /** When, and by whom, the young person was told what happened next (seed 003 §3.1). */
  readonly toldNext?: { readonly on: string; readonly by: string };
};

/** The voices answers as the copy prints them: the teller by name, a point of the scale in its own words. */
export function voicesCopy(
  form: ContactForm,
  staff: Readonly<Record<string, string>>,
): VoicesCopy | undefined {
  if (form.viewsUsed === undefined && form.familyFeelingWords === undefined) return undefined;
  return {
    familyFeeling: form.familyFeeling ? familyFeelingLabels[form.familyFeeling] : 'Not answered',
    familyFeelingWords: form.familyFeelingWords ?? '',
    viewsUsed: form.viewsUsed ?? '',
    ...(form.toldNextOn
      ? {
          toldNext: {
            on: form.toldNextOn,
            by: form.toldNextById ? (staff[form.toldNextById] ?? 'A former member of staff') : 'Not recorded',
          },
        }
      : {}),
  };
}

export function initialsOf(firstName: string, lastName: string): string {
  return [firstName, lastName]
    .flatMap((name) => name.trim().split(/[\s-]+/))
    .filter(Boolean)
    .map((part) => `${part[0]?.toLocaleUpperCase('en-GB') ?? ''}.`)
    .join('');
}

/**
 * The copy's content at `filedAt`. Lateness is measured from the form's own due moment (which
 * already holds the home's hours), so "filed N hours late" prints exactly what the clock said.
 * A restricted participant is marked beside their name and at the head of the concerns, so the
 * copy shows the contact went against a restriction even to someone who reads only one part.
 */
export function contactFormCopy(
  form: ContactForm,
  names: FilingNames,
  filedAt: string,
  original?: { readonly reference: string; readonly sha256: string },
): ContactFormCopy {
  // A restriction that could not be checked names nobody: it is told apart, not put beside a name.
  const restrictedPeople = form.restrictedParticipants.filter((item) => item.verdict !== 'unchecked');
  const unchecked = form.restrictedParticipants.length - restrictedPeople.length;
  const restrictedById = new Map(
    restrictedPeople.filter((item) => item.personId).map((item) => [item.personId, item]),
  );
  const typedRestricted = restrictedPeople.filter((item) => !item.personId);
  const participants = [
    ...form.personIds.map((id) => {
      const name = names.people[id] ?? 'A person no longer on the register';
      const restricted = restrictedById.get(id);
      return restricted ? `${name} [RESTRICTED: ${restricted.summary}]` : name;
    }),
    ...form.staffIds.map((id) => `${names.staff[id] ?? 'A former member of staff'} (staff)`),
    ...(form.otherParticipants ? [form.otherParticipants] : []),
    ...typedRestricted.map((item) => `${item.name} [RESTRICTED: ${item.summary}]`),
  ];
  const restrictionNote = [
    restrictedPeople.length > 0
      ? `Contact with a restricted person: ${restrictedPeople.map((item) => `${item.name} (${item.summary})`).join('; ')}.`
      : '',
    unchecked > 0
      ? `This contact could not be checked against ${unchecked === 1 ? 'a restriction' : `${unchecked} restrictions`} on the register, changed outside Family Links.`
      : '',
    form.restrictedParticipants.length > 0 ? 'The manager was alerted.' : '',
  ]
    .filter((sentence) => sentence !== '')
    .join(' ');
  const hoursLate = hoursLateAt(form, filedAt);
  const voices = voicesCopy(form, names.staff);
  return {
    homeName: names.homeName,
    reference: form.reference,
    kind: form.kind,
    youngPerson: {
      initials: initialsOf(names.youngPerson.firstName, names.youngPerson.lastName) || '?',
      caseNumber: names.youngPerson.caseNumber,
    },
    contactStartedAt: form.contactStartedAt,
    contactEndedAt: form.contactEndedAt,
    dueAt: form.dueAt,
    filedAt,
    ...(hoursLate > 0 ? { hoursLate } : {}),
    participants,
    whatHappened: form.whatHappened,
    youngPersonViews: form.youngPersonViews,
    familyViews: form.familyViews,
    ...(voices ? { voices } : {}),
    concerns: [restrictionNote, form.concerns].filter(Boolean).join('\n\n'),
    isSafeguardingConcern: form.isSafeguardingConcern,
    actions: form.actions.map((item) => ({
      action: item.action,
      owner: [
        item.ownerStaffId ? (names.staff[item.ownerStaffId] ?? 'A former member of staff') : '',
        item.ownerName,
      ]
        .filter(Boolean)
        .join(', '),
      ...(item.dueOn ? { dueOn: item.dueOn } : {}),
    })),
    author: names.author,
    ...(original && form.amendsFormId
      ? {
          addendumTo: {
            reference: original.reference,
            sha256: original.sha256,
            reason: form.amendmentReason || 'Correction',
          },
        }
      : {}),
    timeZone: names.timeZone,
  };
}

/** "2026/27": the academic year (1 September to 31 August) a day falls in, when the home has not entered its own. */
export function academicYearOf(isoDate: string): string {
  const year = Number(isoDate.slice(0, 4));
  const startYear = Number(isoDate.slice(5, 7)) >= 9 ? year : year - 1;
  return `${startYear}/${String((startYear + 1) % 100).padStart(2, '0')}`;
}

/** How late a filed form was, in hours (0 when on time): what "filed N hours late" reads from. */
export function hoursLateAt(form: Pick<ContactForm, 'dueAt'>, filedAt: string): number {
  return Math.max(0, (Date.parse(filedAt) - Date.parse(form.dueAt)) / 3_600_000);
}
