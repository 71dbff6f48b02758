import type { z } from 'zod';
import { visitorSignInFormSchema } from '@shared/schemas/registers';
import type { UseFormReturn } from 'react-hook-form';

/** What the sign-in form holds as it is filled in (the schema's input) and hands over (its output). */
export type DoorFormValues = z.input<typeof visitorSignInFormSchema>;
export type DoorForm = UseFormReturn<DoorFormValues, unknown, z.output<typeof visitorSignInFormSchema>>;

export const emptyDoorForm: DoorFormValues = {
  visitorName: '',
  personId: undefined,
  organisationOrRelationship: '',
  visitingYoungPersonIds: [],
  reason: '',
  isIdChecked: false,
  vehicle: '',
  badgeNumber: '',
  supervisingStaffId: undefined,
  idCheckedNotRestrictionIds: [],
  treatedAsRestrictionIds: [],
  visitId: undefined,
};

/** An empty select means "nobody chosen", which the schema spells `undefined`. */
export const blankAsUndefined = (value: unknown): unknown =>
  value === '' || value === null ? undefined : value;
