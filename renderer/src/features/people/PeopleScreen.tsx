import { useMemo, useState } from 'react';
import { displayName, displayPersonName } from '@shared/display-names';
import { can } from '@shared/rules/access';
import { restrictionsOnPerson, type PersonRestriction } from '@shared/rules/restricted-people';
import { Banner } from '../../ui/Banner';
import { Field, TextInput } from '../../ui/Field';
import type { PersonWithRelationships } from '../../db/repositories/people-repository';
import { useSession } from '../../security/session-context';
import { whatToDoNext } from '@shared/rules/what-to-do-next';
import { matchesFilter } from './people-filter';
import { PeopleTable } from './PeopleTable';
import { PersonForm } from './PersonForm';
import { usePeopleWithRelationships } from './usePeopleWithRelationships';
import { useRestrictionsInForce } from './useRestrictionsInForce';
import { useYoungPeople } from '../../common/useYoungPeople';
import { useHomeClock } from '../../common/useHomeClock';
import { staffNamesById } from '../../common/staff-names';
import { useStaffMembers } from '../../common/useStaffMembers';
import { useOpenPanel } from '../../common/useOpenPanel';
import { useVisitingProtocol } from '../../common/useVisitingProtocol';
import type { ProtocolAcceptance } from '@shared/schemas/visiting-protocol';
import { ProtocolCopyPanel } from '../visiting-protocol';
import { ToolbarButton } from '../../ui/ToolbarButton';

type Editing = { readonly kind: 'add' } | { readonly kind: 'edit'; readonly entry: PersonWithRelationships };

/** Family and significant people: whoever the young person or the family say is family. */
export function PeopleScreen() {
  const { people, repository } = usePeopleWithRelationships();
  const { youngPeople } = useYoungPeople();
  const { roles } = useSession();
  const canManage = can(roles, 'people:manage');
  const { panel: editing, done: saved, open: startEditing, close } = useOpenPanel<Editing>();
  const [typed, setTyped] = useState('');
  const [copying, setCopying] = useState<{ name: string; answer: ProtocolAcceptance } | undefined>();
  const [copyMessage, setCopyMessage] = useState<{ tone: 'success' | 'error'; text: string } | undefined>();
  const { latestAnswers } = useVisitingProtocol();
  const { timeZone } = useHomeClock();
  const staffNames = staffNamesById(useStaffMembers());
  const staffName = (id: string) => staffNames.get(id) ?? 'a former member of staff';
  const youngPersonNames = new Map(
    (youngPeople ?? []).map((youngPerson) => [youngPerson.id, displayName(youngPerson)]),
  );
  const shown = people?.filter((entry) => matchesFilter(entry, youngPersonNames, typed));
  const inForce = useRestrictionsInForce();
  const restrictionsByPerson = useMemo(() => {
    const marks = new Map<string, PersonRestriction[]>();
    if (!people || !inForce) return marks;
    for (const { person } of people) {
      const found = restrictionsOnPerson(
        { personId: person.id, names: [displayPersonName(person), ...person.aliases] },
        inForce.index,
        inForce.today,
      );
      if (found.length > 0) marks.set(person.id, found);
    }
    return marks;
  }, [people, inForce]);

  return (
    <div className="page">
      <h1>Family and friends</h1>
      <p className="lede">
        Parents, step-parents, brothers and sisters, grandparents, friends: whoever the young person or their
        family say is family.
      </p>
      {saved ? <Banner tone="success">{saved}</Banner> : null}
      {copyMessage ? <Banner tone={copyMessage.tone}>{copyMessage.text}</Banner> : null}
      {copying ? (
        <ProtocolCopyPanel
          personName={copying.name}
          answer={copying.answer}
          staffName={staffName}
          onDone={(message) => {
            setCopying(undefined);
            setCopyMessage(message);
          }}
        />
      ) : null}
      {editing && youngPeople ? (
        <PersonForm
          key={editing.kind === 'edit' ? editing.entry.person.id : 'new'}
          repository={repository}
          existing={editing.kind === 'edit' ? editing.entry : undefined}
          youngPeople={youngPeople}
          onDone={(person) => close(person ? `${displayPersonName(person)}’s details are saved.` : undefined)}
        />
      ) : canManage ? (
        <ToolbarButton isDisabled={youngPeople === undefined} onClick={() => startEditing({ kind: 'add' })}>
          Add a family member or friend
        </ToolbarButton>
      ) : null}
      <Field
        label="Find someone"
        hint="Type part of a name, another name they use, or a young person’s name."
      >
        {(wiring) => (
          <TextInput
            type="search"
            {...wiring}
            value={typed}
            onChange={(event) => setTyped(event.target.value)}
            autoComplete="off"
          />
        )}
      </Field>
      {inForce && inForce.damagedCount > 0 ? (
        <Banner tone="error">
          A restriction has been changed outside Family Links and cannot be read, so this list may not mark
          everyone who is restricted. {whatToDoNext(roles, 'damaged-record')}
        </Banner>
      ) : null}
      {people === undefined || shown === undefined || inForce === undefined ? (
        <p role="status">Loading family and friends…</p>
      ) : people.length === 0 ? (
        <p className="empty">
          Nobody is listed yet.{canManage ? ' Add the first with “Add a family member or friend”.' : ''}
        </p>
      ) : (
        <>
          <p className="muted" role="status">
            {shown.length === people.length
              ? `${people.length} ${people.length === 1 ? 'person' : 'people'}`
              : `${shown.length} of ${people.length} people match`}
          </p>
          {shown.length > 0 ? (
            <PeopleTable
              people={shown}
              youngPersonNames={youngPersonNames}
              restrictionsOf={(personId) => restrictionsByPerson.get(personId) ?? []}
              onEdit={canManage ? (entry) => startEditing({ kind: 'edit', entry }) : undefined}
              protocol={{
                answerOf: (personId) => latestAnswers?.get(personId),
                staffName,
                timeZone,
                onCopy: (entry, answer) => {
                  setCopyMessage(undefined);
                  setCopying({ name: displayPersonName(entry.person), answer });
                },
              }}
            />
          ) : (
            <p className="empty">Nobody matches “{typed}”.</p>
          )}
        </>
      )}
    </div>
  );
}
