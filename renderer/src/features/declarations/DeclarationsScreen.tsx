import { useState } from 'react';
import { can } from '@shared/rules/access';
import type { Declaration } from '@shared/schemas/declarations';
import { Banner } from '../../ui/Banner';
import { useSession } from '../../security/session-context';
import { useHomeToday } from '../../common/useHomeToday';
import { staffChoices, staffHolding, staffNamesById } from '../../common/staff-names';
import { useStaffMembers } from '../../common/useStaffMembers';
import { DeclarationForm } from './DeclarationForm';
import { DeclarationsPdfPanel } from './DeclarationsPdfPanel';
import { DeclarationsTable } from './DeclarationsTable';
import { filterDeclarations, type DeclarationFilter } from './declaration-filter';
import { ReviewDeclarationForm } from './ReviewDeclarationForm';
import { useDeclarations } from './useDeclarations';
import { LabelledOptionSelect } from '../../ui/LabelledSelect';
import { LoadedList } from '../../ui/LoadedList';
import { FilterForm } from '../../ui/FilterForm';

type Panel =
  | { kind: 'declare' }
  | { kind: 'review'; declaration: Declaration }
  | { kind: 'pdf'; staffId: string }
  | undefined;

/**
 * Staff declarations (seeds 000-002). Everyone sees and makes their own; the manager sees
 * everyone's and reviews them. Which ones arrive here is decided by the repository, not this screen.
 */
export function DeclarationsScreen() {
  const session = useSession();
  const today = useHomeToday();
  const staff = useStaffMembers();
  const { declarations, repository } = useDeclarations();
  const [panel, setPanel] = useState<Panel>();
  const [message, setMessage] = useState<string | undefined>();
  const [filter, setFilter] = useState<DeclarationFilter>({ staffId: '', state: 'all' });
  const isManager = can(session.roles, 'declaration:read-all');
  const names = staffNamesById(staff);
  const staffName = (id: string) => names.get(id) ?? 'Unknown member of staff';
  const shown = declarations && isManager ? filterDeclarations(declarations, filter, today) : declarations;
  // The staff-file PDF: the manager's for whoever is chosen in the filter, anyone's for themselves.
  const pdfFor = isManager ? (staff ?? []).find((member) => member.id === filter.staffId) : session.staff;
  const pdfMember =
    panel?.kind === 'pdf'
      ? panel.staffId === session.staff.id
        ? session.staff
        : (staff ?? []).find((member) => member.id === panel.staffId)
      : undefined;

  return (
    <div className="page page--wide">
      <h1>{isManager ? 'Staff declarations' : 'My declarations'}</h1>
      <p className="lede">
        Gifts offered, accepted or declined; contact with former care leavers; approaches for private work;
        contact on social media. Declare them to your line manager, who records them in supervision.
      </p>
      {message ? <Banner tone="success">{message}</Banner> : null}
      {panel?.kind === 'declare' && staff ? (
        <DeclarationForm
          repository={repository}
          lineManagers={staffHolding(staff, 'registeredManager', undefined)}
          today={today}
          onDone={(recorded) => {
            setPanel(undefined);
            if (recorded)
              setMessage(
                'Your declaration is recorded. Your line manager will see it and talk it through with you in supervision.',
              );
          }}
        />
      ) : null}
      {panel?.kind === 'review' ? (
        <ReviewDeclarationForm
          repository={repository}
          declaration={panel.declaration}
          staffName={staffName(panel.declaration.staffId)}
          onDone={(reviewed) => {
            setPanel(undefined);
            if (reviewed) setMessage(`${staffName(reviewed.staffId)}’s declaration is reviewed.`);
          }}
        />
      ) : null}
      {panel?.kind === 'pdf' && pdfMember && declarations ? (
        <DeclarationsPdfPanel
          member={pdfMember}
          declarations={declarations.filter((declaration) => declaration.staffId === pdfMember.id)}
          staffName={staffName}
          today={today}
          onDone={(done) => {
            setPanel(undefined);
            setMessage(done);
          }}
        />
      ) : null}
      {panel === undefined ? (
        <div className="toolbar">
          <button
            type="button"
            className="button"
            onClick={() => {
              setMessage(undefined);
              setPanel({ kind: 'declare' });
            }}
          >
            Make a declaration
          </button>
          {pdfFor ? (
            <button
              type="button"
              className="button button--secondary"
              onClick={() => {
                setMessage(undefined);
                setPanel({ kind: 'pdf', staffId: pdfFor.id });
              }}
            >
              {pdfFor.id === session.staff.id
                ? 'Signed PDF of my declarations'
                : `Signed PDF for ${pdfFor.name}’s staff file`}
            </button>
          ) : null}
        </div>
      ) : null}
      {isManager ? (
        <FilterForm className="toolbar" label="Filter declarations">
          <LabelledOptionSelect
            label="Member of staff"
            emptyLabel="Everyone"
            options={staffChoices(staff)}
            value={filter.staffId}
            onChange={(event) => setFilter({ ...filter, staffId: event.target.value })}
          />
          <label className="field">
            <span className="field__label">Showing</span>
            <select
              className="input"
              value={filter.state}
              onChange={(event) =>
                setFilter({
                  ...filter,
                  state:
                    event.target.value === 'needsAttention' || event.target.value === 'closed'
                      ? event.target.value
                      : 'all',
                })
              }
            >
              <option value="all">All</option>
              <option value="needsAttention">Needing your attention</option>
              <option value="closed">Discussed, with an outcome</option>
            </select>
          </label>
        </FilterForm>
      ) : null}
      <LoadedList
        items={shown}
        loading="Loading declarations…"
        empty={isManager ? 'No declarations match.' : 'You have not made any declarations.'}
      >
        {(shown) => (
          <DeclarationsTable
            declarations={shown}
            today={today}
            staffName={staffName}
            showWho={isManager}
            onReview={
              isManager
                ? (declaration) => {
                    setMessage(undefined);
                    setPanel({ kind: 'review', declaration });
                  }
                : undefined
            }
          />
        )}
      </LoadedList>
    </div>
  );
}
