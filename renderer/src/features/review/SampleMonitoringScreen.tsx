import { useState, type FormEvent } from 'react';
import { termLabels, type TermName } from '@shared/schemas/academic-year';
import { largestSample, type ReviewSample } from '@shared/schemas/review';
import { formatDeadlineInstant } from '@shared/rules/contact-form-deadline';
import { Banner } from '../../ui/Banner';
import { useHomeClock } from '../../common/useHomeClock';
import { SampleReviewList } from './SampleReviewList';
import { useSamples } from './useSamples';
import { useAcademicYears } from '../../common/useAcademicYears';
import { defaultTermChoice } from './useTermlyOverview';
import './review.css';
import { ColumnHeads } from '../../ui/ColumnHeads';
import { RowButton } from '../../ui/RowButton';

const sampleTitle = (sample: ReviewSample) =>
  `Sample of ${sample.formIds.length} from ${termLabels[sample.termName].toLowerCase()} ${sample.yearLabel}`;

/**
 * Sample monitoring (seed 004, 5.5.3), the manager's: draw a random sample of a term's filed
 * forms, then read and review each. Samples and reviews are kept, and the audit log has both.
 */
export function SampleMonitoringScreen() {
  const clock = useHomeClock();
  const { years } = useAcademicYears();
  const { samples, failure, repository, session, reload } = useSamples();
  const fallback = years ? defaultTermChoice(years, clock.today) : undefined;
  const [term, setTerm] = useState<string | undefined>();
  const [size, setSize] = useState('10');
  const [problems, setProblems] = useState<{ message: string; size?: string } | undefined>();
  const [drawn, setDrawn] = useState<string | undefined>();
  const [openSample, setOpenSample] = useState<ReviewSample | undefined>();
  const chosenTerm = term ?? (fallback ? `${fallback.yearId}|${fallback.termName}` : '');

  const draw = async (event: FormEvent) => {
    event.preventDefault();
    setDrawn(undefined);
    const [yearId, termName] = chosenTerm.split('|');
    const result = await repository.draw(session, {
      yearId,
      termName: termName as TermName,
      size: size.trim() === '' ? Number.NaN : Number(size),
    });
    if (!result.ok) {
      setProblems({
        message: result.error.message,
        ...(result.error.fields?.size ? { size: result.error.fields.size } : {}),
      });
      return;
    }
    setProblems(undefined);
    setDrawn(
      `${result.value.formIds.length} forms were drawn at random from the ${result.value.populationCount} filed that term.`,
    );
    await reload();
    setOpenSample(result.value);
  };

  return (
    <div className="page page--wide">
      <h1>Sample monitoring</h1>
      <p className="lede">
        Draw a random sample of a term’s filed contact forms, then read each one and record how well it was
        done. The sample and your reviews are kept.
      </p>
      {failure ? <Banner tone="error">{failure}</Banner> : null}
      <form
        className="panel form"
        aria-label="Draw a sample"
        noValidate
        onSubmit={(event) => void draw(event)}
      >
        <label className="field">
          <span className="field__label">Term</span>
          <select className="input" value={chosenTerm} onChange={(event) => setTerm(event.target.value)}>
            {(years ?? []).flatMap((year) =>
              year.terms.map((option) => (
                <option key={`${year.id}|${option.name}`} value={`${year.id}|${option.name}`}>
                  {termLabels[option.name]} {year.label}
                </option>
              )),
            )}
          </select>
        </label>
        <label className="field">
          <span className="field__label">How many forms (1 to {largestSample})</span>
          <input
            className="input input--short"
            type="number"
            min={1}
            max={largestSample}
            value={size}
            onChange={(event) => setSize(event.target.value)}
            aria-invalid={problems?.size ? true : undefined}
            aria-describedby={problems?.size ? 'sample-size-error' : undefined}
          />
          {problems?.size ? (
            <span id="sample-size-error" className="field__error">
              {problems.size}
            </span>
          ) : null}
        </label>
        {problems ? <Banner tone="error">{problems.message}</Banner> : null}
        <div>
          <button type="submit" className="button" disabled={chosenTerm === ''}>
            Draw a sample
          </button>
        </div>
      </form>
      {drawn ? <Banner tone="success">{drawn}</Banner> : null}
      {openSample ? (
        <SampleReviewList
          key={openSample.id}
          sampleId={openSample.id}
          title={sampleTitle(openSample)}
          repository={repository}
          session={session}
          timeZone={clock.timeZone}
          onClose={() => setOpenSample(undefined)}
        />
      ) : null}
      <h2>Samples drawn</h2>
      {samples && samples.length === 0 ? <p className="empty">No samples yet.</p> : null}
      {samples && samples.length > 0 ? (
        <table className="table" aria-label="Samples drawn">
          <ColumnHeads columns={['Drawn', 'Term', 'Forms', 'Open']} />
          <tbody>
            {samples.map((sample) => (
              <tr key={sample.id}>
                <td>{formatDeadlineInstant(sample.drawnAt, clock.timeZone)}</td>
                <td>
                  {termLabels[sample.termName]} {sample.yearLabel}
                </td>
                <td>
                  {sample.formIds.length} of {sample.populationCount}
                </td>
                <td>
                  <RowButton
                    name={`Open the ${sampleTitle(sample).toLowerCase()}`}
                    onClick={() => setOpenSample(sample)}
                  >
                    Open
                  </RowButton>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </div>
  );
}
