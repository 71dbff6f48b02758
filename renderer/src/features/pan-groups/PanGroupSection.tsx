import { useState } from 'react';
import { can } from '@shared/rules/access';
import {
  panTopicLabels,
  panTopics,
  type PanMember,
  type PanMemberForm as PanMemberFormValues,
} from '@shared/schemas/pan';
import type { StaffMember } from '@shared/schemas/staff';
import { Banner } from '../../ui/Banner';
import { useSession } from '../../security/session-context';
import { useStaffMembers } from '../../common/useStaffMembers';
import { PanMemberForm } from './PanMemberForm';
import { usePanGroup } from './usePanGroup';
import { ColumnHeads } from '../../ui/ColumnHeads';
import { RowButton } from '../../ui/RowButton';
import { ToolbarButton } from '../../ui/ToolbarButton';

type Editing =
  | { readonly kind: 'none' }
  | { readonly kind: 'add' }
  | { readonly kind: 'change'; readonly member: PanMember };

/**
 * A young person's PAN group on their page (DESIGN: the PAN group): the PT, always told about everything, and
 * the key adults, each with what they hear about. Only those who lead contact see or change it.
 */
export function PanGroupSection({
  youngPersonId,
  youngPersonName,
  personalTutorId,
}: {
  youngPersonId: string;
  youngPersonName: string;
  personalTutorId: string | undefined;
}) {
  const session = useSession();
  const staff = useStaffMembers();
  const { group, repository } = usePanGroup(youngPersonId);
  const [editing, setEditing] = useState<Editing>({ kind: 'none' });
  const [errors, setErrors] = useState<Readonly<Record<string, string>>>({});
  const [outcome, setOutcome] = useState<{ tone: 'error' | 'success'; message: string } | undefined>();
  const [isSaving, setIsSaving] = useState(false);
  if (!can(session.roles, 'pan-group:manage')) return null;

  const tutor = staff?.find((member) => member.id === personalTutorId);
  const nameOf = (member: PanMember) =>
    member.kind === 'staff'
      ? (staff?.find((account) => account.id === member.staffId)?.name ?? 'A former colleague')
      : member.name;

  const save = async (values: PanMemberFormValues) => {
    setIsSaving(true);
    try {
      const result =
        editing.kind === 'change'
          ? await repository.updateMember(session, youngPersonId, editing.member.id, values)
          : await repository.addMember(session, youngPersonId, values);
      if (!result.ok) {
        setErrors(result.error.fields ?? {});
        setOutcome({ tone: 'error', message: result.error.message });
        return;
      }
      setErrors({});
      setOutcome({
        tone: 'success',
        message: editing.kind === 'change' ? 'The PAN group member is changed.' : 'Added to the PAN group.',
      });
      setEditing({ kind: 'none' });
    } finally {
      setIsSaving(false);
    }
  };

  const remove = async (member: PanMember) => {
    const result = await repository.removeMember(session, youngPersonId, member.id);
    setOutcome(
      result.ok
        ? { tone: 'success', message: `${nameOf(member)} is no longer in the PAN group.` }
        : { tone: 'error', message: result.error.message },
    );
  };

  return (
    <section aria-labelledby="pan-group-title">
      <h2 id="pan-group-title">PAN group</h2>
      <p className="muted">
        The key adults told by email when something happens for {youngPersonName}. Alerts carry initials and a
        reference only.
      </p>
      {outcome ? <Banner tone={outcome.tone}>{outcome.message}</Banner> : null}
      {group === undefined || staff === undefined ? (
        <p role="status">Loading…</p>
      ) : (
        <table className="table">
          <caption className="visually-hidden">PAN group members and what each is told about</caption>
          <ColumnHeads columns={['Name', 'Role', 'Email', 'Told when']} hasActions />
          <tbody>
            <tr>
              <td>{tutor?.name ?? 'No Personal Tutor recorded'}</td>
              <td>Personal Tutor</td>
              <td>{tutor?.email ?? '—'}</td>
              <td>Always, about everything</td>
              <td />
            </tr>
            {(group?.members ?? []).map((member) => (
              <MemberRow
                key={member.id}
                member={member}
                staff={staff}
                name={nameOf(member)}
                onChange={() => {
                  setErrors({});
                  setOutcome(undefined);
                  setEditing({ kind: 'change', member });
                }}
                onRemove={() => void remove(member)}
              />
            ))}
          </tbody>
        </table>
      )}
      {editing.kind === 'none' ? (
        <ToolbarButton
          isDisabled={staff === undefined}
          isSecondary
          onClick={() => {
            setErrors({});
            setOutcome(undefined);
            setEditing({ kind: 'add' });
          }}
        >
          Add someone to the PAN group
        </ToolbarButton>
      ) : (
        <div className="panel">
          <PanMemberForm
            key={editing.kind === 'change' ? editing.member.id : 'new'}
            existing={editing.kind === 'change' ? editing.member : undefined}
            staff={staff ?? []}
            errors={errors}
            isSaving={isSaving}
            onSave={(values) => void save(values)}
            onCancel={() => setEditing({ kind: 'none' })}
          />
        </div>
      )}
    </section>
  );
}

function MemberRow({
  member,
  staff,
  name,
  onChange,
  onRemove,
}: {
  member: PanMember;
  staff: readonly StaffMember[];
  name: string;
  onChange: () => void;
  onRemove: () => void;
}) {
  const account = member.kind === 'staff' ? staff.find((item) => item.id === member.staffId) : undefined;
  const topics = panTopics.filter((topic) => member.topics.includes(topic));
  return (
    <tr>
      <td>
        {name}
        {account && !account.isActive ? (
          <span className="muted"> (account switched off: not told)</span>
        ) : null}
      </td>
      <td>{member.kind === 'staff' ? 'Staff' : member.role}</td>
      <td>{member.kind === 'staff' ? (account?.email ?? '—') : member.email}</td>
      <td>
        {topics.length === 0 ? (
          <span className="muted">Nothing yet</span>
        ) : (
          <ul>
            {topics.map((topic) => (
              <li key={topic}>{panTopicLabels[topic]}</li>
            ))}
          </ul>
        )}
      </td>
      <td>
        <div className="row-actions">
          <RowButton name={`Change ${name}`} onClick={onChange}>
            Change
          </RowButton>
          <RowButton name={`Remove ${name} from the PAN group`} onClick={onRemove}>
            Remove
          </RowButton>
        </div>
      </td>
    </tr>
  );
}
