import { permittedForm } from './permitted-form';
import { can } from '@shared/rules/access';
import { addDays, dayStartMs } from '@shared/home-time';
import { cryptoRandomBelow, drawSample, type RandomBelow } from '@shared/rules/termly-sample';
import { defaultTimeZone } from '@shared/schemas/home';
import {
  reviewSampleSchema,
  sampleDrawFormSchema,
  sampleItemReviewSchema,
  sampleReviewFormSchema,
  type ReviewSample,
  type SampleItemReview,
} from '@shared/schemas/review';
import type { ContactForm } from '@shared/schemas/contact-forms';
import { fail, ok, type Result } from '@shared/result';
import { detailWithDigest } from '@shared/rules/setting-trail';
import { sampleDigest, sampleRecordType, sampleVerdict, sampleDrawnAction } from '@shared/rules/sample-trail';
import type { FamilyLinksDb, SampleItemReviewPlainKey } from '../database';
import { recordWriter } from '../record-writer';
import { createSealedCodec } from '../sealed-codec';
import { plainStore, sealedStore } from '../sealed-store';
import type { Session } from '../session';
import { trustedYear } from './academic-year-trail';
import { DamagedRecordError } from '../row-binding';
import { contactFormCodec } from './contact-form-codec';
import { damagedRecordRepository } from './damaged-record-repository';
import { readHomeSettings } from './home-settings-reads';

/** Sample monitoring is the manager's alone: the comments are sealed in the manager's compartment. */
export const sampleItemReviewCodec = createSealedCodec(
  'reviewSampleItems',
  sampleItemReviewSchema,
  ['id', 'sampleId', 'formId', 'outcome', 'reviewedAt', 'reviewedById'] satisfies SampleItemReviewPlainKey[],
  { compartment: 'manager' },
);

export type SampleError = 'forbidden' | 'invalid' | 'not-found' | 'empty-term' | 'damaged';

export type SampleWithReviews = {
  readonly sample: ReviewSample;
  /** The latest review of each sampled form, by form id (a form reviewed again keeps its earlier reviews too). */
  readonly reviews: ReadonlyMap<string, SampleItemReview>;
};

/**
 * Sample monitoring (seed 004, 5.5.3), the manager's alone (`sample:monitor`). A sample is drawn
 * from the term's filed contact forms with the platform's cryptographic random generator, and
 * kept with who drew it, when, and from how many; each review of a sampled form is a new row
 * (never overwritten), its comment sealed. Every draw and every review is in the audit log.
 */
export function reviewSampleRepository(
  db: FamilyLinksDb,
  clock: () => Date = () => new Date(),
  randomBelow: RandomBelow = cryptoRandomBelow,
) {
  const records = recordWriter(db, clock);
  const samples = plainStore(db.reviewSamples);
  const itemReviews = sealedStore(db.reviewSampleItems, sampleItemReviewCodec);
  const refusal = 'Only the Registered Manager does sample monitoring.';
  const refused = () => fail('forbidden' as const, refusal);

  async function timeZone(): Promise<string> {
    return (await readHomeSettings(db))?.timeZone ?? defaultTimeZone;
  }

  async function reviewsOf(session: Session, sampleId: string): Promise<Map<string, SampleItemReview>> {
    const rows = await db.reviewSampleItems.where('sampleId').equals(sampleId).sortBy('reviewedAt');
    const reviews = await itemReviews.open(rows, session.cipher);
    return new Map(reviews.map((review) => [review.formId, review]));
  }

  return {
    /** Draws `size` filed forms at random from the term's (contact ended in the term), and keeps the sample. */
    async draw(session: Session, input: unknown): Promise<Result<ReviewSample, SampleError>> {
      const form = permittedForm(session, 'sample:monitor', refusal, sampleDrawFormSchema, input);
      if (!form.ok) return form;
      const year = await trustedYear(db, form.value.yearId, session.auditKey);
      const term = year?.terms.find((candidate) => candidate.name === form.value.termName);
      if (!year || !term)
        return fail('not-found', 'That term is not in the home’s calendar. Choose another.');
      const zone = await timeZone();
      const from = new Date(dayStartMs(term.startsOn, zone)).toISOString();
      const to = new Date(dayStartMs(addDays(term.endsOn, 1), zone)).toISOString();
      // Plain columns only: which forms were filed is not personal, so nothing is opened to draw.
      const filed = await db.contactForms
        .where('contactEndedAt')
        .between(from, to, true, false)
        .filter((row) => row.status === 'filed')
        .primaryKeys();
      if (filed.length === 0)
        return fail('empty-term', 'No forms were filed in that term, so there is nothing to sample.', {
          termName: 'No filed forms in this term.',
        });
      const now = clock();
      const sample = reviewSampleSchema.parse({
        id: crypto.randomUUID(),
        yearId: year.id,
        yearLabel: year.label,
        termName: term.name,
        drawnAt: now.toISOString(),
        drawnById: session.staff.id,
        populationCount: filed.length,
        formIds: drawSample(filed, form.value.size, randomBelow),
      });
      // The draw's entry ends with the sample's digest (`sample-trail.ts`), worked out before the
      // transaction: IndexedDB commits one left waiting on WebCrypto.
      const digest = await sampleDigest(sample);
      await records.write(session, {
        at: now,
        events: [
          {
            action: sampleDrawnAction,
            recordType: sampleRecordType,
            recordId: sample.id,
            detail: detailWithDigest(
              `${sample.formIds.length} of ${filed.length} filed forms, ${year.label} ${term.name} term`,
              digest,
            ),
          },
        ],
        writes: [samples.insert(sample)],
      });
      return ok(sample);
    },

    /** Every sample drawn, newest first. */
    async list(session: Session): Promise<Result<ReviewSample[], SampleError>> {
      if (!can(session.roles, 'sample:monitor')) return refused();
      return ok(
        (await db.reviewSamples.orderBy('drawnAt').reverse().toArray()).map((row) =>
          reviewSampleSchema.parse(row),
        ),
      );
    },

    async get(
      session: Session,
      sampleId: string,
    ): Promise<Result<SampleWithReviews & { forms: ContactForm[] }, SampleError>> {
      if (!can(session.roles, 'sample:monitor')) return refused();
      const [row, entries] = await Promise.all([
        db.reviewSamples.get(sampleId),
        db.audit.where('[recordType+recordId]').equals([sampleRecordType, sampleId]).toArray(),
      ]);
      if (!row) return fail('not-found', 'That sample is no longer there.');
      if (sampleVerdict(await sampleDigest(row), entries) === 'damaged') {
        await damagedRecordRepository(db, clock).note(session, [
          new DamagedRecordError('reviewSamples', sampleId, 'not-as-logged'),
        ]);
        return fail(
          'damaged',
          'This sample was changed outside Family Links, so the forms in it may not be the ones drawn. Draw a new sample for the term.',
        );
      }
      const sample = reviewSampleSchema.parse(row);
      const formRows = await db.contactForms.bulkGet(sample.formIds);
      const forms = await Promise.all(
        formRows.flatMap((formRow) => (formRow ? [contactFormCodec.decode(formRow, session.cipher)] : [])),
      );
      return ok({ sample, reviews: await reviewsOf(session, sampleId), forms });
    },

    /** Records the manager's judgement on one sampled form (a new review each time; earlier ones are kept). */
    async reviewForm(
      session: Session,
      sampleId: string,
      formId: string,
      input: unknown,
    ): Promise<Result<SampleItemReview, SampleError>> {
      const form = permittedForm(session, 'sample:monitor', refusal, sampleReviewFormSchema, input);
      if (!form.ok) return form;
      const sample = await db.reviewSamples.get(sampleId);
      if (!sample || !sample.formIds.includes(formId))
        return fail('not-found', 'That form is not in this sample.');
      const now = clock();
      const review = sampleItemReviewSchema.parse({
        ...form.value,
        id: crypto.randomUUID(),
        sampleId,
        formId,
        reviewedAt: now.toISOString(),
        reviewedById: session.staff.id,
      });
      await records.write(session, {
        at: now,
        events: [
          {
            action: 'review.sample-form-reviewed',
            recordType: 'contactForm',
            recordId: formId,
            detail: review.outcome,
          },
        ],
        writes: [itemReviews.insert(review)],
      });
      return ok(review);
    },
  };
}

export type ReviewSampleRepository = ReturnType<typeof reviewSampleRepository>;
