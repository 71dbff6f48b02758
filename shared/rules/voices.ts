import { familyFeelings, type ContactForm, type FamilyFeeling } from '../schemas/contact-forms';
import type { Evidence, RecordRef } from './contact-minimums';
import { isWithin, type DaySpan } from './termly-calendar';

/**
 * Families' voices and the young person's voice, counted for a term (seed 004 §4: parents have
 * regular opportunities to express their views about the quality of our work; seed 003 §3.1:
 * record what the child says, then feed back to them the decisions and how they were listened to).
 *
 * The rules, precisely:
 * - Only **filed** forms count (a draft may still change), and only originals: a correction is a
 *   record about a form, not a second contact.
 * - A form counts in the term when its contact **started while the young person was placed** during
 *   the term (the same "only the weeks placed count" as the minimums); the caller passes that span.
 * - A form filed before the form asked these questions has neither answer stored: it is counted
 *   as **not asked**, never as a family that did not answer or a voice that was not acted on.
 * - Asked, with no point of the scale chosen: **no answer** (the family was not asked this time,
 *   or did not say), shown beside the scale and never read as a low score.
 * - The young person's voice was **heard** on a form that recorded their views or how they were
 *   used; it was **acted on and told** when the form says how the views were used *and* the day
 *   someone told them what happened next. "Views acted on and told: 7 of 9" is those two counts.
 */

/** The answers the counts read (each may be absent: a form from before the questions). */
export type VoiceAnswers = Partial<
  Pick<ContactForm, 'youngPersonViews' | 'familyFeeling' | 'familyFeelingWords' | 'viewsUsed' | 'toldNextOn'>
>;

export type VoicesForm = Pick<ContactForm, 'id' | 'contactStartedAt'> &
  Partial<Pick<ContactForm, 'filedAt' | 'amendsFormId'>> &
  VoiceAnswers;

export type TermVoices = {
  /** Each point of the scale, least to most content, with the forms that chose it. */
  readonly familyFeelings: readonly { readonly feeling: FamilyFeeling; readonly forms: Evidence }[];
  /** Asked, but no point chosen. */
  readonly familyNoAnswer: Evidence;
  /** Forms that recorded the young person's views (or how they were used). */
  readonly youngPersonHeard: Evidence;
  /** Of those, the ones that say how the views were used and when the young person was told what happened next. */
  readonly actedOnAndTold: Evidence;
  /** Filed before the form asked these questions. */
  readonly notAsked: Evidence;
};

/** The same figures as plain counts, which add up across young people for the home's totals. */
export type VoiceCounts = {
  readonly familyFeelings: Readonly<Record<FamilyFeeling, number>>;
  readonly familyNoAnswer: number;
  readonly youngPersonHeard: number;
  readonly actedOnAndTold: number;
  readonly notAsked: number;
};

const isAsked = (form: VoicesForm): boolean =>
  form.viewsUsed !== undefined || form.familyFeelingWords !== undefined;
const hasText = (text: string | undefined): boolean => (text ?? '').trim() !== '';

/** The term's voices from a young person's forms; `placedSpan` is the part of the term they were placed (null: none). */
export function termVoices(
  forms: readonly VoicesForm[],
  placedSpan: Pick<DaySpan, 'startsMs' | 'endsMs'> | null,
): TermVoices {
  const byFeeling = new Map<FamilyFeeling, RecordRef[]>(familyFeelings.map((feeling) => [feeling, []]));
  const noAnswer: RecordRef[] = [];
  const heard: RecordRef[] = [];
  const told: RecordRef[] = [];
  const notAsked: RecordRef[] = [];
  for (const form of forms) {
    if (placedSpan === null || form.filedAt === undefined || form.amendsFormId !== undefined) continue;
    if (!isWithin(Date.parse(form.contactStartedAt), placedSpan)) continue;
    const ref: RecordRef = { type: 'contactForm', id: form.id };
    if (!isAsked(form)) {
      notAsked.push(ref);
      continue;
    }
    if (form.familyFeeling === undefined) noAnswer.push(ref);
    else byFeeling.get(form.familyFeeling)?.push(ref);
    if (hasText(form.youngPersonViews) || hasText(form.viewsUsed)) {
      heard.push(ref);
      if (hasText(form.viewsUsed) && form.toldNextOn !== undefined) told.push(ref);
    }
  }
  const evidence = (records: RecordRef[]): Evidence => ({ count: records.length, records });
  return {
    familyFeelings: familyFeelings.map((feeling) => ({
      feeling,
      forms: evidence(byFeeling.get(feeling) ?? []),
    })),
    familyNoAnswer: evidence(noAnswer),
    youngPersonHeard: evidence(heard),
    actedOnAndTold: evidence(told),
    notAsked: evidence(notAsked),
  };
}

/** What counting a term's voices reads: the counts only, so the overview's counted shape serves too. */
type VoiceTallies = {
  readonly [Key in keyof TermVoices]: Key extends 'familyFeelings'
    ? readonly { readonly feeling: FamilyFeeling; readonly forms: { readonly count: number } }[]
    : { readonly count: number };
};

export function voiceCountsOf(voices: VoiceTallies): VoiceCounts {
  const feelings = Object.fromEntries(familyFeelings.map((feeling) => [feeling, 0])) as Record<
    FamilyFeeling,
    number
  >;
  for (const { feeling, forms } of voices.familyFeelings) feelings[feeling] += forms.count;
  return {
    familyFeelings: feelings,
    familyNoAnswer: voices.familyNoAnswer.count,
    youngPersonHeard: voices.youngPersonHeard.count,
    actedOnAndTold: voices.actedOnAndTold.count,
    notAsked: voices.notAsked.count,
  };
}

/** The home's totals: every young person's counts added up. */
export function homeVoiceCounts(each: readonly VoiceCounts[]): VoiceCounts {
  const feelings = Object.fromEntries(
    familyFeelings.map((feeling) => [
      feeling,
      each.reduce((sum, counts) => sum + counts.familyFeelings[feeling], 0),
    ]),
  ) as Record<FamilyFeeling, number>;
  const sum = (key: Exclude<keyof VoiceCounts, 'familyFeelings'>) =>
    each.reduce((total, counts) => total + counts[key], 0);
  return {
    familyFeelings: feelings,
    familyNoAnswer: sum('familyNoAnswer'),
    youngPersonHeard: sum('youngPersonHeard'),
    actedOnAndTold: sum('actedOnAndTold'),
    notAsked: sum('notAsked'),
  };
}

/** Each point in a few words, for a count beside it ("3 very happy"). */
export const familyFeelingShortLabels: Readonly<Record<FamilyFeeling, string>> = {
  veryUnhappy: 'very unhappy',
  unhappy: 'unhappy',
  mixed: 'mixed',
  happy: 'happy',
  veryHappy: 'very happy',
};

/**
 * "3 very happy, 1 mixed; 1 gave no answer; 2 earlier forms not asked": most content first, points
 * nobody chose left out; "No answers yet" when no form in the term asked the family.
 */
export function familyFeelingWords(counts: VoiceCounts): string {
  const answers = familyAnswerWords(counts);
  return counts.notAsked > 0 ? `${answers}; ${notAskedWords(counts.notAsked)}` : answers;
}

/** The answers alone, for a table with the forms not asked in a column of their own: "3 very happy; 1 gave no answer". */
export function familyAnswerWords(counts: VoiceCounts): string {
  const chosen = [...familyFeelings]
    .reverse()
    .filter((feeling) => counts.familyFeelings[feeling] > 0)
    .map((feeling) => `${counts.familyFeelings[feeling]} ${familyFeelingShortLabels[feeling]}`);
  const parts = [
    chosen.length > 0 ? chosen.join(', ') : 'No answers yet',
    ...(counts.familyNoAnswer > 0 ? [`${counts.familyNoAnswer} gave no answer`] : []),
  ];
  return parts.join('; ');
}

/** "Views acted on and told: 7 of 9", with the earlier forms that never asked said apart. */
export function actedOnWords(counts: VoiceCounts): string {
  const figure =
    counts.youngPersonHeard === 0
      ? 'No views recorded yet'
      : `Views acted on and told: ${counts.actedOnAndTold} of ${counts.youngPersonHeard}`;
  return counts.notAsked > 0 ? `${figure}; ${notAskedWords(counts.notAsked)}` : figure;
}

function notAskedWords(count: number): string {
  return `${count} earlier ${count === 1 ? 'form' : 'forms'} not asked`;
}
