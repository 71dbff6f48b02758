import { useState } from 'react';
import { displayName } from '@shared/display-names';
import { formatUkDate } from '@shared/format-dates';
import { dayAndTime } from '@shared/home-time';
import { countToDo, type OwedLine } from '@shared/rules/my-young-people';
import { contactKindLabels } from '@shared/schemas/contact-forms';
import { visitKindLabels } from '@shared/schemas/visits';
import type { MyYoungPerson } from '../../db/repositories/my-young-people-repository';
import { hashFor } from '../../common/routes';
import { useHomeClock } from '../../common/useHomeClock';
import { ActionList } from '../actions';
import { FormReferenceLink, recordContactHref } from '../contact-forms';
import { bookHomeVisitHref, bookVisitHref, visitHref } from '../visits';
import { holdingWords, stateWords, whenWords } from './owed-line-words';
import { useMyYoungPeople } from './useMyYoungPeople';
import { SpecialDateReminderList } from './SpecialDateReminders';
import { useSpecialDateReminders } from './useSpecialDateReminders';
import type { SpecialDateReminder } from '../../db/repositories/special-date-reminders';
import { Panel } from '../../ui/Panel';
import './my-young-people.css';

const planStatusWords = {
  green: 'Kept to the plan',
  amber: 'One period missed',
  red: 'Behind the plan',
  notDue: 'Nothing to count yet',
} as const;

/** The booking link for a line: the PT and CC's home visit books both of them; anything else books the person who owes it. */
function bookHref(line: OwedLine, youngPersonId: string): string | undefined {
  if (!line.bookAs) return undefined;
  if (line.bookAs === 'homeVisit' && line.holding !== 'learningMentor')
    return bookHomeVisitHref(youngPersonId);
  return bookVisitHref(youngPersonId, line.bookAs);
}

function OwedLineItem({
  line,
  youngPersonId,
  name,
}: {
  line: OwedLine;
  youngPersonId: string;
  name: string;
}) {
  const isOpen = line.state === 'owed' || line.state === 'missed' || line.state === 'upcoming';
  const book = isOpen ? bookHref(line, youngPersonId) : undefined;
  return (
    <li className={`owed-line owed-line--${line.state}`}>
      <span className={line.state === 'missed' ? 'badge badge--warn' : 'badge'}>
        {stateWords[line.state]}
      </span>{' '}
      <span className="owed-line__what">{line.what}</span>{' '}
      <span className="muted">
        ({line.state === 'notDue' && line.reason ? line.reason : whenWords(line)})
      </span>
      {isOpen && (line.recordAs || book) ? (
        <span className="owed-line__steps">
          {line.recordAs ? (
            <a
              className="button button--secondary"
              href={recordContactHref(youngPersonId, line.recordAs)}
              aria-label={`Record ${contactKindLabels[line.recordAs].toLowerCase()} for ${name}: ${line.what}`}
            >
              Record {contactKindLabels[line.recordAs].toLowerCase()}
            </a>
          ) : null}
          {book && line.bookAs ? (
            <a
              className="button button--secondary"
              href={book}
              aria-label={`Book ${visitKindLabels[line.bookAs]} for ${name}: ${line.what}`}
            >
              Book
            </a>
          ) : null}
        </span>
      ) : null}
    </li>
  );
}

function YoungPersonWork({
  entry,
  specialDates,
  timeZone,
  now,
  onDone,
}: {
  entry: MyYoungPerson;
  specialDates: readonly SpecialDateReminder[];
  timeZone: string;
  now: Date;
  onDone: (message: string) => void;
}) {
  const { youngPerson } = entry;
  const name = displayName(youngPerson);
  const headingId = `my-young-person-${youngPerson.id}`;
  const toDo = countToDo(entry.lines);
  return (
    <Panel
      titleId={headingId}
      title={
        <>
          {name}{' '}
          <span className={toDo > 0 ? 'badge badge--warn' : 'badge'}>
            {toDo === 0 ? 'Nothing owed' : `${toDo} to do`}
          </span>
        </>
      }
      className="panel my-young-person"
    >
      <p className="muted">
        You are their {entry.holdings.map((holding) => holdingWords[holding]).join(' and ')}.{' '}
        <a href={hashFor('young-people', youngPerson.id)}>Open {name}’s page</a>
      </p>
      <h3>Owed this week and this term</h3>
      {entry.lines.length === 0 ? (
        <p className="empty">Nothing is asked of you for {name} today (between terms).</p>
      ) : (
        <ul className="owed-lines" aria-label={`What you owe ${name}`}>
          {entry.lines.map((line) => (
            <OwedLineItem key={line.key} line={line} youngPersonId={youngPerson.id} name={name} />
          ))}
        </ul>
      )}
      {specialDates.length > 0 ? (
        <>
          <h3>Special dates this week</h3>
          <SpecialDateReminderList
            reminders={specialDates}
            showYoungPerson={false}
            label={`Special dates this week in ${name}’s family`}
          />
        </>
      ) : null}
      <div className="my-young-person__facts">
        <div>
          <h3>Contact forms due</h3>
          {entry.formsOwed.length === 0 ? (
            <p className="empty">None waiting to be filed.</p>
          ) : (
            <ul className="plain-list">
              {entry.formsOwed.map((form) => {
                const isOverdue = Date.parse(form.dueAt) < now.getTime();
                return (
                  <li key={form.id}>
                    <a href={hashFor('contact-forms', form.id)}>{contactKindLabels[form.kind]}</a>{' '}
                    <span className="muted">
                      (ref <FormReferenceLink formId={form.id} reference={form.reference} />)
                    </span>{' '}
                    <span className={isOverdue ? 'badge badge--warn' : 'badge'}>
                      {isOverdue ? 'Overdue since' : 'Due by'} {dayAndTime(form.dueAt, timeZone)}
                    </span>
                  </li>
                );
              })}
            </ul>
          )}
          <h3>Next booked contact</h3>
          {entry.nextBooked ? (
            <p>
              <a href={visitHref(entry.nextBooked.id)}>{visitKindLabels[entry.nextBooked.kind]}</a>,{' '}
              {dayAndTime(entry.nextBooked.startsAt, timeZone)}
            </p>
          ) : (
            <p className="empty">Nothing booked.</p>
          )}
        </div>
        <div>
          <h3>Contact plan this term</h3>
          {entry.plan === undefined ? (
            <p className="empty">The plan’s figures are for the Personal Tutor and Case Co-ordinator.</p>
          ) : entry.plan.length === 0 ? (
            <p className="empty">No arrangement in the contact plan this term.</p>
          ) : (
            <ul className="plain-list">
              {entry.plan.map(({ figure, personName }) => (
                <li key={figure.arrangementId}>
                  {personName}: {figure.value}{' '}
                  <span className={figure.status === 'red' ? 'badge badge--warn' : 'badge'}>
                    {planStatusWords[figure.status]}
                  </span>
                </li>
              ))}
            </ul>
          )}
        </div>
      </div>
      <h3>Actions due</h3>
      {entry.actions.length === 0 ? (
        <p className="empty">No open action on {name}’s forms is yours.</p>
      ) : (
        <ActionList
          items={entry.actions}
          contextOf={(action) => `For ${name} · ${action.ownerName}`}
          timeZone={timeZone}
          onDone={onDone}
        />
      )}
    </Panel>
  );
}

/**
 * "My young people" (seed 004 §5.2.1, §5.2.2, §5.5.1): each young person this member of staff
 * holds as Personal Tutor, Case Co-ordinator or Learning Mentor, with what they owe them this
 * week and this term, the forms and actions due, the next booked contact and the plan's figures;
 * each owed contact one step from being recorded or booked.
 */
export function MyYoungPeopleScreen() {
  const clock = useHomeClock();
  const read = useMyYoungPeople(clock.today, clock.timeZone);
  const specialDates = useSpecialDateReminders(clock.today) ?? [];
  const [announcement, setAnnouncement] = useState('');
  const now = new Date();
  return (
    <div className="page">
      <h1>My young people</h1>
      <p className="lede">
        What you owe each young person you hold, this week and this term ({formatUkDate(clock.today)}).
      </p>
      <p role="status" className="visually-hidden">
        {announcement}
      </p>
      {read === undefined ? (
        <p role="status">Loading your young people…</p>
      ) : read.kind === 'notHeld' ? (
        <p className="empty">
          Only a Personal Tutor, Case Co-ordinator or Learning Mentor holds young people.
        </p>
      ) : read.kind === 'noYear' ? (
        <p className="empty">
          No academic year in the calendar covers today, so nothing termly can be worked out. Ask the manager
          to add this year’s term dates under <a href={hashFor('calendar')}>Academic calendar</a>.
        </p>
      ) : read.youngPeople.length === 0 ? (
        <p className="empty">
          No young person placed today names you as their Personal Tutor, Case Co-ordinator or Learning
          Mentor.
        </p>
      ) : (
        <>
          <p className="muted">
            Academic year {read.yearLabel}: {read.youngPeople.length} young{' '}
            {read.youngPeople.length === 1 ? 'person' : 'people'}, what needs doing first.
          </p>
          {read.youngPeople.map((entry) => (
            <YoungPersonWork
              key={entry.youngPerson.id}
              entry={entry}
              specialDates={specialDates.filter(
                (reminder) => reminder.youngPersonId === entry.youngPerson.id,
              )}
              timeZone={clock.timeZone}
              now={now}
              onDone={setAnnouncement}
            />
          ))}
        </>
      )}
    </div>
  );
}
