import { useCallback, useMemo, useRef, useState } from 'react';
import { displayPersonName } from '@shared/display-names';
import {
  chronologyKindLabels,
  chronologyKinds,
  type ChronologyFilter,
  type ChronologyKind,
} from '@shared/rules/chronology';
import { staffRoleLabels } from '@shared/schemas/staff';
import { calendarDateOf } from '@shared/home-time';
import { DateRangeFields } from '../../ui/DateRangeFields';
import { LabelledChoiceSelect, LabelledOptionSelect } from '../../ui/LabelledSelect';
import { Banner } from '../../ui/Banner';
import { familyOptions, useFamilyOf } from '../../common/useFamilyOf';
import { staffNamesById } from '../../common/staff-names';
import { useStaffMembers } from '../../common/useStaffMembers';
import { useHomeTimeZone } from '../../common/useHomeTimeZone';
import { useHomeSettings } from '../../common/useHomeSettings';
import { useSession } from '../../security/session-context';
import { whatToDoNext } from '@shared/rules/what-to-do-next';
import { chronologyLine, chronologyReport, filterWords } from './chronology-report';
import type { ChronologyPrintout } from './ChronologyPrintView';
import { ChronologySignedCopy } from './ChronologySignedCopy';
import { ChronologyList } from './ChronologyList';
import { useChronology } from './useChronology';
import { useNearViewport } from './useNearViewport';
import { useFilterFields } from '../../common/useFilterFields';
import { FilterForm } from '../../ui/FilterForm';
import { TaskButton } from '../../ui/TaskButton';
import { Panel } from '../../ui/Panel';
import './chronology.css';

type Typed = { kind: ChronologyKind | ''; personId: string; from: string; to: string };
const blank: Typed = { kind: '', personId: '', from: '', to: '' };

type Props = {
  readonly youngPersonId: string;
  readonly youngPersonName: string;
  readonly caseNumber: string;
  /** Shows the chronology as paper, in place of the page, and asks the browser to print it. */
  readonly onPrint: (printout: ChronologyPrintout) => void;
};

/** "h-turner" for a file name: letters and digits only. */
const fileStem = (text: string) =>
  text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

/**
 * A young person's chronology on their page (DESIGN, "Actions and the chronology"): contact forms,
 * visits, the front door and restrictions in one list, newest first, narrowed by kind, family
 * member and dates; every line opens its record. Each person sees only what their role may.
 *
 * It sits at the foot of a long page, so its records are read only once it comes near the window:
 * opening the page costs nothing for someone who came for the details or the family.
 */
export function ChronologySection(props: Props) {
  const placeholder = useRef<HTMLElement>(null);
  const isNear = useNearViewport(placeholder);
  if (isNear) return <ChronologyContents {...props} />;
  return (
    <section ref={placeholder} className="panel chronology" aria-labelledby="chronology-title">
      <h2 id="chronology-title">Chronology</h2>
      <p className="muted">
        Contact forms, visits, the front door and restrictions for {props.youngPersonName}, newest first.
      </p>
    </section>
  );
}

/** The chronology itself: filters, the list, printing and the signed copy. */
function ChronologyContents({ youngPersonId, youngPersonName, caseNumber, onPrint }: Props) {
  const timeZone = useHomeTimeZone();
  const session = useSession();
  const { state: settings } = useHomeSettings();
  const [isSigning, setIsSigning] = useState(false);
  const [isPreparing, setIsPreparing] = useState(false);
  const [message, setMessage] = useState<{ tone: 'success' | 'error'; text: string } | undefined>();
  const family = useFamilyOf(youngPersonId);
  const filters = useFilterFields<Typed>(blank);
  const { typed } = filters;
  const { fromDate, toDate } = filters.range;
  const filter = useMemo<ChronologyFilter>(
    () => ({
      kinds: typed.kind ? [typed.kind] : undefined,
      personId: typed.personId || undefined,
      fromDate,
      toDate,
    }),
    [typed.kind, typed.personId, fromDate, toDate],
  );
  const chronology = useChronology(youngPersonId, filter, timeZone);

  const names = useMemo(
    () => new Map((family ?? []).map(({ person }) => [person.id, displayPersonName(person)])),
    [family],
  );
  const personName = useCallback((id: string) => names.get(id), [names]);
  const staff = useStaffMembers();
  const staffNames = useMemo(() => staffNamesById(staff), [staff]);
  const staffName = useCallback((id: string) => staffNames.get(id), [staffNames]);
  const { openAll } = chronology;

  const print = async () => {
    setIsPreparing(true);
    const lines = (await openAll()).map((entry) =>
      chronologyLine(entry, { personName, staffName, timeZone }),
    );
    setIsPreparing(false);
    onPrint({
      heading: `Chronology: ${youngPersonName}`,
      showing: filterWords(filter, personName),
      lines,
    });
  };

  const homeName = settings.isLoading ? undefined : settings.home?.name;
  const makeReport = useCallback(
    async (signedAt: string) => {
      if (!homeName) return undefined;
      return chronologyReport({
        homeName,
        youngPersonName,
        caseNumber,
        entries: await openAll(),
        filter,
        personName,
        staffName,
        signedBy: {
          name: session.staff.name,
          role: session.roles.map((role) => staffRoleLabels[role]).join(', '),
        },
        signedAt,
        timeZone,
      });
    },
    [homeName, youngPersonName, caseNumber, openAll, filter, personName, staffName, session, timeZone],
  );
  const today = calendarDateOf(new Date(), timeZone);

  const count = chronology.entries.length;
  const summary = !chronology.read
    ? 'Reading the chronology…'
    : chronology.isLookingThrough
      ? 'Looking through the records for that family member…'
      : count === 0
        ? typed.kind === 'contactPlan'
          ? 'No contact plan changes: contact plans are not kept in Family Links yet.'
          : 'Nothing matches these filters.'
        : `${count.toLocaleString('en-GB')} ${count === 1 ? 'entry' : 'entries'}, newest first.`;

  return (
    <Panel titleId="chronology-title" title="Chronology" className="panel chronology">
      <p className="muted">
        Contact forms, visits, the front door and restrictions for {youngPersonName}, newest first. Choose an
        entry to open its record.
      </p>
      {chronology.read && chronology.read.damagedRestrictionIds.length > 0 ? (
        <Banner tone="error">
          {chronology.read.damagedRestrictionIds.length === 1
            ? 'One restriction'
            : `${chronology.read.damagedRestrictionIds.length} restrictions`}{' '}
          could not be shown: changed outside Family Links and cannot be trusted.{' '}
          {whatToDoNext(session.roles, 'damaged-record')}
        </Banner>
      ) : null}
      <FilterForm className="chronology__filters" label="Filter the chronology">
        <LabelledChoiceSelect
          label="Show"
          emptyLabel="Everything"
          values={chronologyKinds}
          labels={chronologyKindLabels}
          {...filters.bind('kind')}
        />
        <LabelledOptionSelect
          label="Family member"
          emptyLabel="Anyone"
          options={familyOptions(family ?? [])}
          {...filters.bind('personId')}
        />
        <DateRangeFields fromLabel="From" toLabel="To" {...filters.dates} />
        <div className="chronology__clear">
          <button type="button" className="button button--secondary" onClick={filters.clear}>
            Clear the filters
          </button>
        </div>
      </FilterForm>
      {message ? <Banner tone={message.tone}>{message.text}</Banner> : null}
      <div className="toolbar">
        <TaskButton
          isSecondary
          isDisabled={!chronology.read || chronology.isLookingThrough || isPreparing}
          onRun={print}
        >
          {isPreparing ? 'Preparing…' : 'Print'}
        </TaskButton>
        <button
          type="button"
          className="button button--secondary"
          aria-expanded={isSigning}
          disabled={!chronology.read || chronology.isLookingThrough}
          onClick={() => {
            setMessage(undefined);
            setIsSigning(!isSigning);
          }}
        >
          Save a signed copy
        </button>
      </div>
      {isSigning ? (
        <ChronologySignedCopy
          youngPersonId={youngPersonId}
          youngPersonName={youngPersonName}
          makeReport={makeReport}
          suggestedFileName={`chronology-${fileStem(youngPersonName)}-${today}.pdf`}
          onDone={(done) => {
            setIsSigning(false);
            setMessage(done);
          }}
        />
      ) : null}
      <p className="muted" role="status">
        {summary}
      </p>
      {chronology.read && !chronology.isLookingThrough && count > 0 ? (
        <ChronologyList
          entries={chronology.entries}
          youngPersonId={youngPersonId}
          label={`${youngPersonName}’s chronology, newest first`}
          personName={personName}
          staffName={staffName}
          timeZone={timeZone}
          ensureOpen={chronology.ensureOpen}
        />
      ) : null}
    </Panel>
  );
}
