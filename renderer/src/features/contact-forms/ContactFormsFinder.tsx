import { useEffect, useState } from 'react';
import { displayName } from '@shared/display-names';
import { contactKindLabels, contactKinds, type ContactKind } from '@shared/schemas/contact-forms';
import {
  contactFormListStatuses,
  contactFormListStatusLabels,
  type ContactFormListStatus,
} from '@shared/rules/contact-form-list-status';
import { useFilterFields } from '../../common/useFilterFields';
import type { ContactFormListFilter } from '../../db/repositories/contact-form-list-repository';
import { DateRangeFields } from '../../ui/DateRangeFields';
import { Field, TextInput } from '../../ui/Field';
import { LabelledChoiceSelect, LabelledOptionSelect } from '../../ui/LabelledSelect';
import { addDays, startOfDayIn } from '@shared/home-time';
import { useHomeTimeZone } from '../../common/useHomeTimeZone';
import { useStaffMembers } from '../../common/useStaffMembers';
import { useYoungPeople } from '../../common/useYoungPeople';
import { ContactFormsList } from './ContactFormsList';
import { YoungPersonFilter } from './YoungPersonFilter';
import { FilterForm } from '../../ui/FilterForm';
import { staffChoices } from '../../common/staff-names';
import { Panel } from '../../ui/Panel';

type Props = {
  /** On a young person's page: their forms only, and no young-person filter. */
  readonly youngPersonId?: string;
  readonly title: string;
  /** Opened from a count on the manager's home: the list starts narrowed to this status. */
  readonly initialStatus?: ContactFormListStatus | undefined;
};

type Typed = {
  reference: string;
  youngPersonId: string;
  authorId: string;
  kind: ContactKind | '';
  status: ContactFormListStatus | '';
  from: string;
  to: string;
};

const blank: Typed = {
  reference: '',
  youngPersonId: '',
  authorId: '',
  kind: '',
  status: '',
  from: '',
  to: '',
};

/**
 * Finding a form again: every form this person may see, narrowed by reference, young person,
 * author, kind, status and the dates of the contact, in a list that reads a page at a time.
 */
export function ContactFormsFinder({ youngPersonId, title, initialStatus }: Props) {
  const timeZone = useHomeTimeZone();
  const { youngPeople } = useYoungPeople();
  const staff = useStaffMembers();
  const filters = useFilterFields<Typed>(blank, { ...blank, status: initialStatus ?? '' });
  const { typed } = filters;
  const [reference, setReference] = useState('');
  // The reference is searched a moment after typing stops, not on every key.
  useEffect(() => {
    const timer = window.setTimeout(() => setReference(typed.reference), 300);
    return () => window.clearTimeout(timer);
  }, [typed.reference]);

  const { fromDate, toDate } = filters.range;
  const filter: ContactFormListFilter = {
    youngPersonId: youngPersonId ?? (typed.youngPersonId || undefined),
    authorId: typed.authorId || undefined,
    kind: typed.kind || undefined,
    status: typed.status || undefined,
    reference: reference.trim() || undefined,
    contactFrom: fromDate ? startOfDayIn(fromDate, timeZone) : undefined,
    contactTo: toDate ? startOfDayIn(addDays(toDate, 1), timeZone) : undefined,
  };
  const youngPersonName = (id: string) => {
    const person = youngPeople?.find((item) => item.id === id);
    return person ? displayName(person) : '…';
  };
  const staffName = (id: string) => staff?.find((member) => member.id === id)?.name ?? '…';

  return (
    <Panel titleId="find-forms-title" title={title}>
      <FilterForm className="form-finder" label="Find contact forms">
        <Field label="Reference" hint="All or its start: CF-2026-7K3.">
          {(wiring) => (
            <TextInput
              type="search"
              autoComplete="off"
              spellCheck={false}
              {...filters.bind('reference')}
              {...wiring}
            />
          )}
        </Field>
        {youngPersonId ? null : (
          <YoungPersonFilter
            emptyLabel="Everyone"
            youngPeople={youngPeople}
            {...filters.bind('youngPersonId')}
          />
        )}
        <LabelledOptionSelect
          label="Written by"
          emptyLabel="Anyone"
          options={staffChoices(staff)}
          {...filters.bind('authorId')}
        />
        <LabelledChoiceSelect
          label="Kind of contact"
          emptyLabel="Any kind"
          values={contactKinds}
          labels={contactKindLabels}
          {...filters.bind('kind')}
        />
        <LabelledChoiceSelect
          label="Status"
          emptyLabel="Any status"
          values={contactFormListStatuses}
          labels={contactFormListStatusLabels}
          {...filters.bind('status')}
        />
        <DateRangeFields fromLabel="Contacts from" toLabel="Contacts to" {...filters.dates} />
        <div className="form-finder__clear">
          <button type="button" className="button button--secondary" onClick={filters.clear}>
            Clear the filters
          </button>
        </div>
      </FilterForm>
      <ContactFormsList
        filter={filter}
        label={youngPersonId ? `${title}, newest first` : 'Contact forms, newest first'}
        youngPersonName={youngPersonName}
        staffName={staffName}
        timeZone={timeZone}
      />
    </Panel>
  );
}
