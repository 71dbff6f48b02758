import type { FieldErrors } from 'react-hook-form';
import { listInWords } from '@shared/word-lists';

/** The contact form's fields as the screen labels them, for messages that name a field. */
const fieldLabels: Readonly<Record<string, string>> = {
  youngPersonId: 'Young person',
  kind: 'Kind of contact',
  contactDate: 'Date',
  startTime: 'Started at',
  durationMinutes: 'How long',
  initiatedBy: 'Who started it',
  personIds: 'Family and friends',
  staffIds: 'Staff',
  otherParticipants: 'Anyone else',
  whatHappened: 'What happened',
  youngPersonViews: 'The young person’s own views and feelings',
  familyViews: 'The family’s views',
  familyFeeling: 'How the family felt about our work',
  familyFeelingWords: 'The family’s words about our work',
  viewsUsed: 'How their views were used',
  toldNextOn: 'Day they were told what happened next',
  toldNextById: 'Who told them',
  concerns: 'Concerns',
  isSafeguardingConcern: 'Safeguarding concern',
  actions: 'Actions',
  nextContactPlanned: 'Next contact planned',
  nextContactOn: 'Date of the next contact',
};

export function fieldLabelOf(field: string): string {
  return fieldLabels[field] ?? field;
}

/**
 * One line for the top of the form when it cannot be saved: which fields need attention, in
 * screen order. Each field's own message, with the fix, is shown beside it (and only there).
 */
export function problemSummary(errors: FieldErrors): string {
  const fields = Object.keys(fieldLabels).filter((field) => errors[field] !== undefined);
  if (fields.length === 0) return 'Something on the form needs correcting: see the message beside it.';
  const names = fields.map(fieldLabelOf);
  return fields.length === 1
    ? `Not saved yet: check ${names[0]} (the message beside it says how).`
    : `Not saved yet: check ${listInWords(names)} (each has a message beside it).`;
}
