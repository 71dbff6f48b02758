import { FormReferenceLink } from '../contact-forms';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { ContactForm } from '@shared/schemas/contact-forms';
import { contactKindLabels } from '@shared/schemas/contact-forms';
import {
  sampleOutcomeLabels,
  sampleOutcomes,
  type SampleItemReview,
  type SampleOutcome,
} from '@shared/schemas/review';
import {
  contactFormStatus,
  describeContactFormStatus,
  formatDeadlineInstant,
} from '@shared/rules/contact-form-deadline';
import { Banner } from '../../ui/Banner';
import { ChoiceRadios } from '../../ui/ChoiceRadios';
import type { ReviewSampleRepository } from '../../db/repositories/review-sample-repository';
import type { Session } from '../../db/session';
import { Panel } from '../../ui/Panel';

type Loaded = { forms: ContactForm[]; reviews: ReadonlyMap<string, SampleItemReview> };

/** The forms in one sample, each with the manager's review (outcome and comment) or a form to give one. */
export function SampleReviewList({
  sampleId,
  title,
  repository,
  session,
  timeZone,
  onClose,
}: {
  sampleId: string;
  title: string;
  repository: ReviewSampleRepository;
  session: Session;
  timeZone: string;
  onClose: () => void;
}) {
  const [loaded, setLoaded] = useState<Loaded | undefined>();
  const [failure, setFailure] = useState<string | undefined>();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const show = (result: Awaited<ReturnType<ReviewSampleRepository['get']>>) => {
    if (result.ok) setLoaded({ forms: result.value.forms, reviews: result.value.reviews });
    else setFailure(result.error.message);
  };
  const load = async () => show(await repository.get(session, sampleId));
  useEffect(() => {
    headingRef.current?.focus();
    let isCurrent = true;
    void repository.get(session, sampleId).then((result) => {
      if (isCurrent) show(result);
    });
    return () => {
      isCurrent = false;
    };
  }, [repository, session, sampleId]);

  return (
    <Panel titleId="sample-heading" title={title} headingRef={headingRef}>
      {failure ? <Banner tone="error">{failure}</Banner> : null}
      {!loaded && !failure ? (
        <p role="status" className="muted">
          Opening the sampled forms…
        </p>
      ) : null}
      {loaded ? (
        <ol className="sample-forms">
          {loaded.forms.map((form) => (
            <li key={form.id}>
              <SampleItem
                form={form}
                review={loaded.reviews.get(form.id)}
                timeZone={timeZone}
                onSave={async (outcome, comment) => {
                  const result = await repository.reviewForm(session, sampleId, form.id, {
                    outcome,
                    comment,
                  });
                  if (result.ok) await load();
                  return result.ok
                    ? undefined
                    : (result.error.fields?.comment ?? result.error.fields?.outcome ?? result.error.message);
                }}
              />
            </li>
          ))}
        </ol>
      ) : null}
      <button type="button" className="button button--secondary" onClick={onClose}>
        Close the sample
      </button>
    </Panel>
  );
}

function SampleItem({
  form,
  review,
  timeZone,
  onSave,
}: {
  form: ContactForm;
  review: SampleItemReview | undefined;
  timeZone: string;
  onSave: (outcome: SampleOutcome, comment: string) => Promise<string | undefined>;
}) {
  const [outcome, setOutcome] = useState<SampleOutcome | ''>('');
  const [comment, setComment] = useState('');
  const [problem, setProblem] = useState<string | undefined>();
  const [isSaving, setIsSaving] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (outcome === '') {
      setProblem('Choose an outcome.');
      return;
    }
    setIsSaving(true);
    const failed = await onSave(outcome, comment);
    setIsSaving(false);
    setProblem(failed);
    if (!failed) {
      setOutcome('');
      setComment('');
    }
  };
  const headingId = `sampled-${form.id}`;
  return (
    <article aria-labelledby={headingId} className="panel">
      <h3 id={headingId}>
        Contact form <FormReferenceLink formId={form.id} reference={form.reference} />
      </h3>
      <dl className="details">
        <dt>Contact</dt>
        <dd>
          {contactKindLabels[form.kind]}, {formatDeadlineInstant(form.contactStartedAt, timeZone)}
        </dd>
        <dt>Filed</dt>
        <dd>{describeContactFormStatus(contactFormStatus(form, new Date()))}</dd>
        <dt>What happened</dt>
        <dd>{form.whatHappened || '—'}</dd>
        <dt>The young person’s views</dt>
        <dd>{form.youngPersonViews || '—'}</dd>
        <dt>The family’s views</dt>
        <dd>{form.familyViews || '—'}</dd>
      </dl>
      {review ? (
        <p role="status">
          Reviewed: <strong>{sampleOutcomeLabels[review.outcome]}</strong>. {review.comment}
        </p>
      ) : (
        <p className="muted">Not reviewed yet.</p>
      )}
      <form
        className="form"
        aria-label={`Review contact form ${form.reference}`}
        onSubmit={(event) => void submit(event)}
      >
        <ChoiceRadios
          legend="Outcome"
          name={`outcome-${form.id}`}
          values={sampleOutcomes}
          labels={sampleOutcomeLabels}
          value={outcome}
          onChange={setOutcome}
        />
        <label className="field">
          <span className="field__label">Comment</span>
          <textarea
            className="input"
            rows={3}
            value={comment}
            onChange={(event) => setComment(event.target.value)}
            aria-invalid={problem ? true : undefined}
          />
        </label>
        {problem ? <Banner tone="error">{problem}</Banner> : null}
        <div>
          <button type="submit" className="button" disabled={isSaving}>
            {review ? 'Save another review' : 'Save review'}
          </button>
        </div>
      </form>
    </article>
  );
}
