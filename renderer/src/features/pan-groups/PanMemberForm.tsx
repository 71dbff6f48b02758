import { useState } from 'react';
import {
  panTopicLabels,
  panTopics,
  type PanMember,
  type PanMemberForm as PanMemberFormValues,
  type PanTopic,
} from '@shared/schemas/pan';
import type { StaffMember } from '@shared/schemas/staff';
import { ChoiceRadios } from '../../ui/ChoiceRadios';
import { LabelledOptionSelect } from '../../ui/LabelledSelect';
import { activeStaffChoices } from '../../common/staff-names';
import { ControlledTextField } from '../../ui/ControlledTextField';
import { FormActions } from '../../ui/FormActions';
import { SubmitForm } from '../../ui/SubmitForm';

const memberKinds = ['staff', 'outside'] as const;

const memberKindLabels: Readonly<Record<Draft['kind'], string>> = {
  staff: 'A member of staff',
  outside: 'Someone outside the home (social worker, therapist, teacher …)',
};

type Draft = {
  kind: (typeof memberKinds)[number];
  staffId: string;
  name: string;
  role: string;
  email: string;
  topics: PanTopic[];
};

function draftOf(member: PanMember | undefined): Draft {
  if (!member)
    return {
      kind: 'outside',
      staffId: '',
      name: '',
      role: '',
      email: '',
      topics: ['formFiled', 'safeguardingConcern'],
    };
  return member.kind === 'staff'
    ? { kind: 'staff', staffId: member.staffId, name: '', role: '', email: '', topics: [...member.topics] }
    : {
        kind: 'outside',
        staffId: '',
        name: member.name,
        role: member.role,
        email: member.email,
        topics: [...member.topics],
      };
}

export function formValuesOf(draft: Draft): PanMemberFormValues {
  return draft.kind === 'staff'
    ? { kind: 'staff', staffId: draft.staffId, topics: draft.topics }
    : { kind: 'outside', name: draft.name, role: draft.role, email: draft.email, topics: draft.topics };
}

type Props = {
  readonly existing?: PanMember | undefined;
  readonly staff: readonly StaffMember[];
  readonly errors: Readonly<Record<string, string>>;
  readonly isSaving: boolean;
  readonly onSave: (values: PanMemberFormValues) => void;
  readonly onCancel: () => void;
};

/** Adds or changes one PAN group member: a colleague, or an adult from outside with their email; and what they hear about. */
export function PanMemberForm({ existing, staff, errors, isSaving, onSave, onCancel }: Props) {
  const [draft, setDraft] = useState<Draft>(() => draftOf(existing));
  const set = (changes: Partial<Draft>) => setDraft((current) => ({ ...current, ...changes }));
  const toggle = (topic: PanTopic, isOn: boolean) =>
    set({ topics: isOn ? [...draft.topics, topic] : draft.topics.filter((item) => item !== topic) });

  return (
    <SubmitForm
      label={existing ? 'Change PAN group member' : 'Add to the PAN group'}
      onSubmit={() => onSave(formValuesOf(draft))}
    >
      {existing ? null : (
        <ChoiceRadios
          legend="Who"
          name="pan-member-kind"
          values={memberKinds}
          labels={memberKindLabels}
          value={draft.kind}
          onChange={(kind) => set({ kind })}
        />
      )}
      {draft.kind === 'staff' ? (
        <LabelledOptionSelect
          label="Member of staff"
          hint="They are told at their account’s email address."
          error={errors['staffId']}
          emptyLabel="Choose…"
          options={activeStaffChoices(staff)}
          value={draft.staffId}
          onChange={(event) => set({ staffId: event.target.value })}
        />
      ) : (
        <>
          <ControlledTextField
            label="Name"
            error={errors['name']}
            value={draft.name}
            onChange={(name) => set({ name })}
          />
          <ControlledTextField
            label="Role"
            hint="For example social worker, therapist, virtual school head."
            error={errors['role']}
            value={draft.role}
            onChange={(role) => set({ role })}
          />
          <ControlledTextField
            label="Email address"
            error={errors['email']}
            type="email"
            spellCheck={false}
            value={draft.email}
            onChange={(email) => set({ email })}
          />
        </>
      )}
      <fieldset className="fieldset">
        <legend>Tell them when</legend>
        {panTopics.map((topic) => (
          <label key={topic} className="checkbox">
            <input
              type="checkbox"
              checked={draft.topics.includes(topic)}
              onChange={(event) => toggle(topic, event.target.checked)}
            />
            {panTopicLabels[topic]}
          </label>
        ))}
      </fieldset>
      <FormActions
        submitLabel={existing ? 'Save changes' : 'Add to the PAN group'}
        isBusy={isSaving}
        onCancel={onCancel}
      />
    </SubmitForm>
  );
}
