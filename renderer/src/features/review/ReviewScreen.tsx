import { useAcademicYears } from '../../common/useAcademicYears';
import { useState } from 'react';
import { termLabels, type TermName } from '@shared/schemas/academic-year';
import { Banner } from '../../ui/Banner';
import { ReviewActionsSection } from '../actions';
import { useHomeClock } from '../../common/useHomeClock';
import { DrillDown, recordsKey, type DrillDownSubject } from './DrillDown';
import { ReviewCharts } from './ReviewCharts';
import { ReviewExports } from './ReviewExports';
import { ReviewTable } from './ReviewTable';
import { VoicesTable } from './VoicesTable';
import { YoungPersonReviewPanel } from './YoungPersonReviewPanel';
import { defaultTermChoice, useReviewTrend, useTermlyOverview, type TermChoice } from './useTermlyOverview';
import { FilterForm } from '../../ui/FilterForm';
import './review.css';

/**
 * The termly review (seed 004, 5.5): for a Case Co-ordinator their own young people, for
 * the manager everyone (the repository decides which). Each figure against the policy's minimums,
 * with its status and reason, opening the records behind it.
 */
export function ReviewScreen() {
  const clock = useHomeClock();
  const { years, damaged } = useAcademicYears();
  const [chosen, setChosen] = useState<TermChoice | undefined>();
  const choice = chosen ?? (years ? defaultTermChoice(years, clock.today) : undefined);
  const overview = useTermlyOverview(choice);
  const trend = useReviewTrend(years, overview?.ok ? overview.value : undefined);
  const [subject, setSubject] = useState<DrillDownSubject | undefined>();
  const [youngPersonId, setYoungPersonId] = useState<string | undefined>();

  const choose = (next: TermChoice) => {
    setChosen(next);
    setSubject(undefined);
    setYoungPersonId(undefined);
  };
  const termOptions = (years ?? []).flatMap((year) =>
    year.terms.map((term) => ({
      value: `${year.id}|${term.name}`,
      label: `${termLabels[term.name]} ${year.label}`,
    })),
  );

  return (
    <div className="page page--wide">
      <h1>Termly review</h1>
      <p className="lede">
        Family contact this term against the policy’s minimums: a home visit each term (three a year) with the
        Personal Tutor and Case Co-ordinator, weekly updates to parents, the Learning Mentor’s contacts,
        contact with every family member, and forms within 48 hours.
      </p>
      {damaged && damaged.length > 0 ? (
        // Said here too: a term left out because its dates cannot be trusted must not look met.
        <Banner tone="error">
          Term dates for {damaged.map((year) => year.label ?? 'a year').join(', ')} were changed outside
          Family Links, so those terms are not shown until the Registered Manager checks and saves them again
          under Academic calendar.
        </Banner>
      ) : years && years.length === 0 ? (
        <Banner tone="info">
          The home has no academic years yet. Add the term dates under Academic calendar first.
        </Banner>
      ) : null}
      {choice ? (
        <FilterForm className="toolbar" label="Choose the term">
          <label className="field">
            <span className="field__label">Term</span>
            <select
              className="input"
              value={`${choice.yearId}|${choice.termName}`}
              onChange={(event) => {
                const [yearId, termName] = event.target.value.split('|');
                if (yearId && termName) choose({ yearId, termName: termName as TermName });
              }}
            >
              {termOptions.map((option) => (
                <option key={option.value} value={option.value}>
                  {option.label}
                </option>
              ))}
            </select>
          </label>
        </FilterForm>
      ) : null}
      {choice && !overview ? (
        <p className="muted" role="status">
          Working out the figures…
        </p>
      ) : null}
      {overview && !overview.ok ? <Banner tone="error">{overview.error.message}</Banner> : null}
      {overview && overview.ok ? (
        <>
          <p className="muted">
            {overview.value.scope === 'all'
              ? `Everyone at the home: ${overview.value.rows.length} young people.`
              : `Your young people as Case Co-ordinator: ${overview.value.rows.length}.`}
          </p>
          <ReviewExports overview={overview.value} homeName={clock.homeName} timeZone={clock.timeZone} />
          {subject ? (
            <DrillDown
              key={`${subject.title}|${recordsKey(subject.records)}`}
              subject={subject}
              timeZone={clock.timeZone}
              onClose={() => setSubject(undefined)}
            />
          ) : null}
          {youngPersonId && choice ? (
            <YoungPersonReviewPanel
              key={`${youngPersonId}|${choice.yearId}|${choice.termName}`}
              youngPersonId={youngPersonId}
              yearId={choice.yearId}
              termName={choice.termName}
              onOpenFigure={setSubject}
              onClose={() => setYoungPersonId(undefined)}
            />
          ) : null}
          {overview.value.rows.length === 0 ? (
            <p className="empty">
              {overview.value.scope === 'own'
                ? 'No young people have you as their Case Co-ordinator.'
                : 'No young people are recorded yet.'}
            </p>
          ) : (
            <>
              <h2>This term, per young person</h2>
              <ReviewTable
                rows={overview.value.rows}
                term={{ yearId: overview.value.year.id, termName: overview.value.termName }}
                onOpenFigure={setSubject}
                onOpenYoungPerson={setYoungPersonId}
              />
              <h2>Families’ views and young people’s voices</h2>
              <p className="muted">
                How each family felt about our work on this term’s filed forms, and how many of the young
                person’s views were acted on and they were told what happened next.
              </p>
              <VoicesTable
                rows={overview.value.rows}
                term={{ yearId: overview.value.year.id, termName: overview.value.termName }}
                onOpenFigure={setSubject}
              />
              <h2>Charts</h2>
              <ReviewCharts rows={overview.value.rows} trend={trend} />
            </>
          )}
        </>
      ) : null}
      <ReviewActionsSection />
    </div>
  );
}
