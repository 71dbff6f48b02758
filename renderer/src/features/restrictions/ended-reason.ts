/**
 * The box for why a restriction ends, asked the same way whether it is ended on its own or at a
 * review; the reason is kept with the restriction.
 */
export const endedReasonField = {
  name: 'endedReason',
  label: 'Why is it ending?',
  hint: 'For example “court order discharged on 3 March”. This is kept with the restriction.',
  rows: 3,
} as const;
