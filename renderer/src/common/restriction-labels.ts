import type { Restriction } from '@shared/schemas/registers';

/** What each kind means, in the words staff would use at the door. */
export const restrictionKindLabels: Readonly<Record<Restriction['kind'], string>> = {
  noContact: 'No contact',
  supervisedOnly: 'Supervised contact only',
  indirectOnly: 'Indirect contact only (letters, cards, messages passed on)',
  noPhoneContact: 'No phone contact',
  noUnsupervisedOutings: 'No unsupervised outings',
  namedPlaceOnly: 'Contact only at a named place',
  noOvernightStays: 'No overnight stays',
  notToCollect: 'Must not collect the young person',
  other: 'Other (see the conditions)',
};

/** On whose say-so the restriction applies. */
export const restrictionAuthorityLabels: Readonly<Record<Restriction['authority'], string>> = {
  courtOrder: 'Court order',
  carePlan: 'Care plan',
  placingAuthority: 'Placing authority',
  police: 'Police',
  other: 'Other',
};
