import { displayName } from '@shared/display-names';
import { can } from '@shared/rules/access';
import type { YoungPerson } from '@shared/schemas/people';
import { Banner } from '../../ui/Banner';
import { useSession } from '../../security/session-context';
import { useHomeToday } from '../../common/useHomeToday';
import { staffNamesById } from '../../common/staff-names';
import { useStaffMembers } from '../../common/useStaffMembers';
import { useYoungPeople } from '../../common/useYoungPeople';
import { useOpenPanel } from '../../common/useOpenPanel';
import { YoungPeopleTable } from './YoungPeopleTable';
import { YoungPersonForm } from './YoungPersonForm';
import { YoungPersonPage } from './YoungPersonPage';
import { LoadedList } from '../../ui/LoadedList';
import { ToolbarButton } from '../../ui/ToolbarButton';

type Editing = { readonly kind: 'add' } | { readonly kind: 'edit'; readonly youngPerson: YoungPerson };

/** The young people placed at the home, or (with an id in the address) one young person's page. */
export function YoungPeopleScreen({ youngPersonId }: { youngPersonId: string | undefined }) {
  return youngPersonId ? <YoungPersonPage key={youngPersonId} id={youngPersonId} /> : <YoungPeopleList />;
}

function YoungPeopleList() {
  const { youngPeople, repository } = useYoungPeople();
  const staff = useStaffMembers();
  const today = useHomeToday();
  const canManage = can(useSession().roles, 'people:manage');
  const { panel: editing, done: saved, open: startEditing, close } = useOpenPanel<Editing>();

  return (
    <div className="page">
      <h1>Young people</h1>
      <p className="lede">
        Everyone placed at the home. Choose a name to see their family and any contact restrictions.
      </p>
      {saved ? <Banner tone="success">{saved}</Banner> : null}
      {editing && staff ? (
        <YoungPersonForm
          key={editing.kind === 'edit' ? editing.youngPerson.id : 'new'}
          repository={repository}
          existing={editing.kind === 'edit' ? editing.youngPerson : undefined}
          staff={staff}
          onDone={(youngPerson) =>
            close(youngPerson ? `${displayName(youngPerson)}’s details are saved.` : undefined)
          }
        />
      ) : canManage ? (
        <ToolbarButton isDisabled={staff === undefined} onClick={() => startEditing({ kind: 'add' })}>
          Add a young person
        </ToolbarButton>
      ) : null}
      <LoadedList
        items={youngPeople}
        loading="Loading young people…"
        empty={
          <>
            No young people yet.
            {canManage
              ? ' Add the first with “Add a young person”.'
              : ' A Personal Tutor, Case Co-ordinator or the manager adds them.'}
          </>
        }
      >
        {(youngPeople) => (
          <YoungPeopleTable
            youngPeople={youngPeople}
            staffNames={staffNamesById(staff)}
            today={today}
            onEdit={canManage ? (youngPerson) => startEditing({ kind: 'edit', youngPerson }) : undefined}
          />
        )}
      </LoadedList>
    </div>
  );
}
