import { useEffect, useState } from 'react';
import { displayName } from '@shared/display-names';
import type { FormAction } from '@shared/schemas/form-actions';
import { formActionStatus, type FormActionStatus } from '@shared/rules/form-actions';
import { useHomeTimeZone } from '../../common/useHomeTimeZone';
import { useYoungPeople } from '../../common/useYoungPeople';
import { ActionDoneAnnouncement, ActionList } from './ActionItem';
import { bySoonestDue } from './action-order';
import { useMyActions } from './useMyActions';
import { LoadedList } from '../../ui/LoadedList';
import { Panel } from '../../ui/Panel';
import './actions.css';

const tickMs = 60_000;

type Placed = { readonly action: FormAction; readonly status: FormActionStatus };

/**
 * Everyone's home screen: the actions agreed on filed contact forms that are theirs to do,
 * overdue first, then due (soonest first), then those done in the last fortnight with their
 * notes. Each open one is marked done here, with a short note.
 */
export function MyActionsPanel() {
  const actions = useMyActions();
  const timeZone = useHomeTimeZone();
  const { youngPeople } = useYoungPeople();
  const [now, setNow] = useState(() => new Date());
  const [announcement, setAnnouncement] = useState('');
  useEffect(() => {
    const timer = window.setInterval(() => setNow(new Date()), tickMs);
    return () => window.clearInterval(timer);
  }, []);
  const names = new Map((youngPeople ?? []).map((person) => [person.id, displayName(person)]));
  const placed = (actions ?? []).map((action) => ({
    action,
    status: formActionStatus(action, now, timeZone),
  }));
  const overdue = placed.filter((item) => item.status.kind === 'overdue').sort(bySoonestDue);
  const due = placed
    .filter((item) => item.status.kind === 'due' || item.status.kind === 'noDate')
    .sort(bySoonestDue);
  const done = placed
    .filter((item) => item.status.kind === 'done')
    .sort((a, b) => (b.action.doneAt ?? '').localeCompare(a.action.doneAt ?? ''));
  const list = (items: readonly Placed[]) => (
    <ActionList
      items={items}
      contextOf={(action) => `For ${names.get(action.youngPersonId) ?? 'a young person'}`}
      timeZone={timeZone}
      onDone={setAnnouncement}
    />
  );

  return (
    <Panel titleId="my-actions-title" title="My actions">
      <ActionDoneAnnouncement message={announcement} />
      <LoadedList
        items={actions}
        loading="Checking your actions…"
        empty="None: no action agreed on a filed contact form is yours to do."
      >
        {() => (
          <>
            <p className="muted">
              Actions agreed on filed contact forms that are yours to do. One is overdue from the day after it
              is due by.
            </p>
            {overdue.length > 0 ? (
              <>
                <h3>Overdue ({overdue.length})</h3>
                {list(overdue)}
              </>
            ) : null}
            <h3>Due ({due.length})</h3>
            {due.length > 0 ? list(due) : <p className="empty">Nothing else is waiting.</p>}
            {done.length > 0 ? (
              <>
                <h3>Done in the last fortnight ({done.length})</h3>
                {list(done)}
              </>
            ) : null}
          </>
        )}
      </LoadedList>
    </Panel>
  );
}
