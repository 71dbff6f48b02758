import { useMemo } from 'react';
import { auditActionGroups } from './audit-action-labels';
import { notSignedIn, staffChoice, type AuditFilterValues } from './audit-filter-values';
import { TypedDayRange } from '../../common/TypedDayRange';
import { LabelledOptionSelect } from '../../ui/LabelledSelect';
import { FilterForm } from '../../ui/FilterForm';

type Props = {
  readonly values: AuditFilterValues;
  readonly onChange: (values: AuditFilterValues) => void;
  readonly staff: readonly { readonly id: string; readonly name: string }[];
  readonly youngPeople: readonly { readonly id: string; readonly name: string }[];
};

/**
 * What the manager narrows the log to: the days (on the home's clock, both included), who did it
 * (a colleague, or no one signed in: failed and refused sign-ins), what was done (the actions in
 * words, grouped), and which young person it concerns (them and their records).
 */
export function AuditFilters({ values, onChange, staff, youngPeople }: Props) {
  const groups = useMemo(
    () =>
      auditActionGroups().map((group) => ({
        label: group.label,
        options: group.actions.map((item) => ({ value: item.action, label: item.label })),
      })),
    [],
  );
  const who = [
    { value: notSignedIn, label: 'Not signed in (failed sign-ins)' },
    ...staff.map((member) => ({ value: staffChoice(member.id), label: member.name })),
  ];
  const set = (change: Partial<AuditFilterValues>) => onChange({ ...values, ...change });
  return (
    <FilterForm className="audit-filters" label="Filter the audit log">
      <TypedDayRange
        from={values.fromDate}
        to={values.toDate}
        onChange={(days) => set({ fromDate: days.from, toDate: days.to })}
      />
      <LabelledOptionSelect
        label="Who"
        emptyLabel="Anyone"
        options={who}
        value={values.who}
        onChange={(event) => set({ who: event.target.value })}
      />
      <LabelledOptionSelect
        label="What"
        emptyLabel="Any action"
        groups={groups}
        value={values.action}
        onChange={(event) => set({ action: event.target.value })}
      />
      <LabelledOptionSelect
        label="Young person"
        emptyLabel="Any young person"
        options={youngPeople.map((youngPerson) => ({ value: youngPerson.id, label: youngPerson.name }))}
        value={values.youngPersonId}
        onChange={(event) => set({ youngPersonId: event.target.value })}
      />
    </FilterForm>
  );
}
