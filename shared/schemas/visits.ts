import { z } from 'zod';
import { idSchema, isoDateSchema, isoDateTimeSchema, optionalText, requiredText, kindsOf } from './common';
import { optionalTypedDateSchema, typedDateSchema, typedTimeSchema } from './typed-date-time';

/** A room staff can book for visits (Settings → Rooms). Room names are not personal data. */
export const roomSchema = z.object({
  id: idSchema,
  name: requiredText('the room’s name', 80),
  isActive: z.boolean(),
});
export type Room = z.infer<typeof roomSchema>;

/** What the manager types to add or rename a room. */
export const roomFormSchema = z.object({ name: requiredText('the room’s name', 80) });
export type RoomForm = z.infer<typeof roomFormSchema>;

export const visitKindLabels = {
  familyVisit: 'Family visit at the home',
  homeVisit: 'Home visit to the family home',
  contactCentre: 'Contact centre visit',
  outing: 'Outing',
  phoneCall: 'Phone call',
  videoCall: 'Video call',
  pepMeeting: 'PEP meeting',
  learningConsultation: 'Learning consultation',
  reviewMeeting: 'Review meeting',
} as const satisfies Record<string, string>;
export type VisitKind = keyof typeof visitKindLabels;
export const visitKinds = kindsOf(visitKindLabels);

export const visitStatusLabels = {
  planned: 'Planned',
  confirmed: 'Confirmed',
  completed: 'Completed',
  cancelled: 'Cancelled',
  didNotAttend: 'Did not attend',
} as const satisfies Record<string, string>;
export type VisitStatus = keyof typeof visitStatusLabels;
export const visitStatuses = kindsOf(visitStatusLabels);

export const repeatFrequencies = ['none', 'weekly', 'fortnightly', 'monthly'] as const;
export type RepeatFrequency = (typeof repeatFrequencies)[number];

/** How a series was booked, kept on each of its visits so the calendar can say "repeats weekly until …". */
export const visitRepeatSchema = z.object({
  frequency: z.enum(['weekly', 'fortnightly', 'monthly']),
  until: isoDateSchema,
});

/** The longest one visit may last; the conflict check's index query relies on it. */
export const longestVisitHours = 24;

/** A visitor signed in at the front door for this visit: their register entry, who (if registered), and when. */
export const visitArrivalSchema = z.object({
  entryId: idSchema,
  personId: idSchema.optional(),
  at: isoDateTimeSchema,
});

export const visitSchema = z.object({
  id: idSchema,
  youngPersonIds: z.array(idSchema).min(1, { message: 'Choose at least one young person.' }),
  kind: z.enum(visitKinds),
  /** Family members and significant people coming (or called). */
  personIds: z.array(idSchema).default([]),
  /** Every member of staff taking part (PT, CC, supervising, others). */
  staffIds: z.array(idSchema).default([]),
  /** The member of staff supervising, when a restriction asks for one; also in `staffIds`. */
  supervisingStaffId: idSchema.optional(),
  roomId: idSchema.optional(),
  startsAt: isoDateTimeSchema,
  endsAt: isoDateTimeSchema,
  transport: optionalText('the transport', 200),
  notes: optionalText('the notes', 4000),
  status: z.enum(visitStatuses),
  cancelledReason: optionalText('the reason for cancelling', 500),
  seriesId: idSchema.optional(),
  repeats: visitRepeatSchema.optional(),
  bookedById: idSchema.optional(),
  bookedAt: isoDateTimeSchema.optional(),
  /** Who was signed in at the front door for it (sealed): the visit has "arrived" once one is. */
  arrivals: z.array(visitArrivalSchema).optional(),
});
export type Visit = z.infer<typeof visitSchema>;

/**
 * The booking form: the date and times are wall-clock times in the home's zone (what staff read on
 * the office clock); the repository turns them into instants. A visit starts and ends on one day.
 */
export const visitBookingFormSchema = z
  .object({
    youngPersonIds: z.array(idSchema).min(1, { message: 'Choose at least one young person.' }),
    kind: z.enum(visitKinds, { message: 'Choose what kind of visit this is.' }),
    personIds: z.array(idSchema).default([]),
    staffIds: z.array(idSchema).default([]),
    supervisingStaffId: z.union([idSchema, z.literal('')]).default(''),
    roomId: z.union([idSchema, z.literal('')]).default(''),
    // Typed as staff type them (26/10/2026, 18:30); the output is YYYY-MM-DD and HH:MM.
    date: typedDateSchema('the date of the visit'),
    startTime: typedTimeSchema('the time it starts'),
    endTime: typedTimeSchema('the time it ends'),
    transport: optionalText('the transport', 200),
    notes: optionalText('the notes', 4000),
    repeat: z.enum(repeatFrequencies).default('none'),
    repeatUntil: optionalTypedDateSchema('the last date').default(''),
  })
  .superRefine((form, context) => {
    if (form.endTime <= form.startTime) {
      context.addIssue({
        code: 'custom',
        path: ['endTime'],
        message: 'The visit ends before it starts. Make the end time later than the start time.',
      });
    }
    if (form.repeat !== 'none') {
      if (form.repeatUntil === '') {
        context.addIssue({
          code: 'custom',
          path: ['repeatUntil'],
          message: 'Enter the date the visits stop repeating.',
        });
      } else if (form.repeatUntil <= form.date) {
        context.addIssue({
          code: 'custom',
          path: ['repeatUntil'],
          message:
            'The last date must be after the first visit. Choose a later date, or set repeats to “Does not repeat”.',
        });
      }
    }
  });
export type VisitBookingFormInput = z.input<typeof visitBookingFormSchema>;
export type VisitBookingForm = z.infer<typeof visitBookingFormSchema>;

/** A change of status; cancelling needs a reason. */
export const visitStatusChangeSchema = z
  .object({
    status: z.enum(visitStatuses),
    reason: optionalText('the reason', 500),
  })
  .superRefine((change, context) => {
    if (change.status === 'cancelled' && change.reason === '') {
      context.addIssue({
        code: 'custom',
        path: ['reason'],
        message: 'Say why the visit is cancelled, for example “Mum unwell”.',
      });
    }
  });
