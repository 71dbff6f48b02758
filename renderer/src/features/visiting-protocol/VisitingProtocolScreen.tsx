import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { dayAndTime } from '@shared/home-time';
import {
  visitingProtocolFormSchema,
  type VisitingProtocol,
  type VisitingProtocolForm,
} from '@shared/schemas/visiting-protocol';
import { Banner } from '../../ui/Banner';
import { TextAreaField } from '../../ui/TextField';
import { FormNotices } from '../../ui/FormNotices';
import { useHomeClock } from '../../common/useHomeClock';
import { useRecordSubmit } from '../../common/useRecordSubmit';
import { staffNamesById } from '../../common/staff-names';
import { useStaffMembers } from '../../common/useStaffMembers';
import { useVisitingProtocol } from '../../common/useVisitingProtocol';
import { ProtocolText } from './ProtocolText';
import { SubmitForm } from '../../ui/SubmitForm';
import { FormActions } from '../../ui/FormActions';
import './visiting-protocol.css';

/**
 * Settings → Visiting protocol (the Registered Manager's). Seed 004 §4 asks that significant people
 * know the protocols about visiting: the manager writes them here in plain paragraphs. Each publish
 * is a new version; earlier ones are kept and can be read below, and every family visitor is asked
 * to accept the new one at their next sign-in at the front door.
 */
export function VisitingProtocolScreen() {
  const protocol = useVisitingProtocol();
  const clock = useHomeClock();
  const staffNames = staffNamesById(useStaffMembers());
  const [published, setPublished] = useState<string | undefined>();

  return (
    <div className="page">
      <h1>Visiting protocol</h1>
      <p className="lede">
        The home’s rules for visitors, in plain words. Family visitors accept it at their first sign-in at the
        front door, and again after each new version: they sign it on screen, or a member of staff reads it to
        them.
      </p>
      {published ? <Banner tone="success">{published}</Banner> : null}
      {protocol.versions === undefined ? (
        <p role="status">Loading…</p>
      ) : (
        <ProtocolEditor
          key={protocol.current?.id ?? 'none'}
          current={protocol.current}
          publish={protocol.publish}
          onPublished={(version) =>
            setPublished(
              `Version ${version.version} is published. Family visitors will be asked to accept it at their next sign-in.`,
            )
          }
        />
      )}
      <h2 className="protocol-versions-heading">Versions</h2>
      {protocol.versions?.length === 0 ? (
        <p className="empty">Nothing published yet. Until you publish one, visitors are not asked.</p>
      ) : null}
      <ul className="protocol-versions" aria-label="Versions of the visiting protocol">
        {protocol.versions?.map((version) => (
          <li key={version.id}>
            <details open={version.id === protocol.current?.id}>
              <summary>
                Version {version.version}
                {version.id === protocol.current?.id ? ' (in use)' : ''}, published{' '}
                {dayAndTime(version.publishedAt, clock.timeZone)} by{' '}
                {staffNames.get(version.publishedById) ?? 'a former member of staff'}
              </summary>
              <ProtocolText protocol={version} />
            </details>
          </li>
        ))}
      </ul>
    </div>
  );
}

function ProtocolEditor(props: {
  readonly current: VisitingProtocol | undefined;
  readonly publish: ReturnType<typeof useVisitingProtocol>['publish'];
  readonly onPublished: (version: VisitingProtocol) => void;
}) {
  const form = useForm<VisitingProtocolForm>({
    resolver: zodResolver(visitingProtocolFormSchema),
    defaultValues: { text: props.current?.paragraphs.join('\n\n') ?? '' },
  });
  const { submit, failure } = useRecordSubmit(form, props.publish, props.onPublished);
  const next = (props.current?.version ?? 0) + 1;
  return (
    <SubmitForm label="Write the visiting protocol" onSubmit={submit}>
      <FormNotices failure={failure} />
      <TextAreaField
        form={form}
        name="text"
        label="The visiting protocol"
        hint="Plain paragraphs, as you would say them to a visitor. Leave a blank line between paragraphs."
        className="input protocol-editor"
        rows={14}
      />
      <FormActions submitLabel={<>Publish as version {next}</>} isBusy={form.formState.isSubmitting} />
    </SubmitForm>
  );
}
