import { describe, expect, it } from 'vitest';
import { voicesCopy } from '@shared/rules/contact-form-filing';
import { contactFormContentSchema } from '@shared/ipc/channels/documents';
import {
  contactFormEntrySchema,
  contactFormSchema,
  contactFormScreenSchema,
  type ContactFormScreenInput,
} from '@shared/schemas/contact-forms';
import { buildContactForm } from '../../../factories';
import { blankScreenValues } from '../../../../renderer/src/features/contact-forms/contact-form-values';

const tellerId = crypto.randomUUID();

/** A phone call as the screen sends it: its blank form, filled in with when it was and what was said. */
const screen = (overrides: Partial<ContactFormScreenInput> = {}): ContactFormScreenInput => ({
  ...blankScreenValues(crypto.randomUUID(), { youngPersonId: crypto.randomUUID(), kind: 'phoneCall' }),
  contactDate: '14/10/2026',
  startTime: '18:00',
  durationMinutes: 20,
  staffIds: [],
  whatHappened: 'Millie phoned Mum.',
  youngPersonViews: 'She wants Sunday calls.',
  ...overrides,
});

const messagesOf = (input: unknown) => {
  const parsed = contactFormScreenSchema.safeParse(input);
  return parsed.success ? [] : parsed.error.issues.map((issue) => [issue.path.join('.'), issue.message]);
};

describe('the voices questions on the shared contact form schema', () => {
  it('takes a point of the scale, their words, how the views were used and who told them when', () => {
    const parsed = contactFormScreenSchema.parse(
      screen({
        familyFeeling: 'happy',
        familyFeelingWords: ' Mum said the calls help. ',
        viewsUsed: 'Calls moved to Sunday.',
        toldNextOn: '15/10/2026',
        toldNextById: tellerId,
      }),
    );
    expect(parsed).toMatchObject({
      familyFeeling: 'happy',
      familyFeelingWords: 'Mum said the calls help.',
      toldNextOn: '2026-10-15',
      toldNextById: tellerId,
    });
  });

  it.each([
    [{ toldNextOn: '15/10/2026' }, 'toldNextById', 'Say who told them what happened next.'],
    [{ toldNextById: tellerId }, 'toldNextOn', 'Enter the day they were told what happened next.'],
  ])(
    'a telling without its day or its teller is refused, beside the field: %#',
    (overrides, path, message) => {
      expect(messagesOf(screen(overrides))).toEqual([[path, message]]);
    },
  );

  it('refuses a point that is not on the scale', () => {
    expect(messagesOf(screen({ familyFeeling: 'delighted' as never })).map(([path]) => path)).toEqual([
      'familyFeeling',
    ]);
  });

  it('a draft kept before the form asked these comes back without them, and still reads', () => {
    const { familyFeeling, toldNextOn, toldNextById, ...older } = screen();
    expect([familyFeeling, toldNextOn, toldNextById]).toEqual(['', '', '']);
    expect(contactFormScreenSchema.safeParse(older).success).toBe(true);
  });

  it('the same rule holds at the repository’s boundary', () => {
    const parsed = contactFormEntrySchema.safeParse({
      kind: 'phoneCall',
      contactStartedAt: '2026-10-14T17:00:00.000Z',
      durationMinutes: 20,
      toldNextOn: '2026-10-15',
    });
    expect(parsed.success).toBe(false);
  });

  it('a form stored before the questions reads with them absent, not empty', () => {
    const old = contactFormSchema.parse(buildContactForm());
    expect('viewsUsed' in old || 'familyFeelingWords' in old || 'familyFeeling' in old).toBe(false);
  });
});

describe('the signed copy of the form', () => {
  it('says the point in its words, how the views were used, and when and by whom they were told', () => {
    const form = contactFormSchema.parse(
      buildContactForm({
        familyFeeling: 'veryHappy',
        familyFeelingWords: 'Best school she has been at.',
        viewsUsed: 'Calls moved to Sunday.',
        toldNextOn: '2026-10-15',
        toldNextById: tellerId,
      }),
    );
    const copy = voicesCopy(form, { [tellerId]: 'Alex Patel' });
    expect(copy).toEqual({
      familyFeeling: 'Very happy with our work',
      familyFeelingWords: 'Best school she has been at.',
      viewsUsed: 'Calls moved to Sunday.',
      toldNext: { on: '2026-10-15', by: 'Alex Patel' },
    });
    expect(contactFormContentSchema.shape.voices.safeParse(copy).success).toBe(true);
  });

  it('an unanswered scale reads "Not answered"; a form from before the questions has no section', () => {
    const asked = contactFormSchema.parse(buildContactForm({ familyFeelingWords: '', viewsUsed: '' }));
    expect(voicesCopy(asked, {})).toEqual({
      familyFeeling: 'Not answered',
      familyFeelingWords: '',
      viewsUsed: '',
    });
    expect(voicesCopy(contactFormSchema.parse(buildContactForm()), {})).toBeUndefined();
  });
});
