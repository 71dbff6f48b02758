import { useRef, useState } from 'react';
import { displayName } from '@shared/display-names';
import { Banner } from '../../ui/Banner';
import { Field, OptionSelect } from '../../ui/Field';
import { useSession } from '../../security/session-context';
import { DisclosureReasonDialog, useDisclosure } from '../disclosures';
import { useHomeTimeZone } from '../../common/useHomeTimeZone';
import { addDays, startOfDayIn } from '@shared/home-time';
import { useYoungPeople } from '../../common/useYoungPeople';
import { termLabels } from '@shared/schemas/academic-year';
import { readTypedDate, ukDateText } from '@shared/schemas/typed-date-time';
import { useAcademicYears } from '../../common/useAcademicYears';
import { useContactFormRepository } from './useContactFormRepository';
import { useExportFolder } from './useExportFolder';
import { FormActions } from '../../ui/FormActions';
import { ControlledTextField } from '../../ui/ControlledTextField';
import { YoungPersonFilter } from './YoungPersonFilter';
import { SubmitForm } from '../../ui/SubmitForm';
import { Panel } from '../../ui/Panel';

type Progress = { readonly done: number; readonly total: number };

/**
 * Bulk export: a young person's filed forms, or every form in a span such as a
 * term, as the signed PDFs made at filing, into a folder the person picks. It asks why first and
 * records the answer in the disclosure log; a progress bar shows each file, and Stop ends it
 * between files (files already written stay, and the message says how many).
 */
export function ExportFormsPanel() {
  const session = useSession();
  const repository = useContactFormRepository();
  const exportFolder = useExportFolder();
  const timeZone = useHomeTimeZone();
  const { youngPeople } = useYoungPeople();
  const { years } = useAcademicYears();
  const terms = (years ?? [])
    .flatMap((year) =>
      year.terms.map((term) => ({
        value: `${term.startsOn}|${term.endsOn}`,
        label: `${termLabels[term.name]} ${year.label}`,
        startsOn: term.startsOn,
      })),
    )
    .sort((a, b) => b.startsOn.localeCompare(a.startsOn));
  const disclosure = useDisclosure();
  const [youngPersonId, setYoungPersonId] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [progress, setProgress] = useState<Progress | undefined>();
  const [message, setMessage] = useState<{ tone: 'success' | 'error' | 'info'; text: string } | undefined>();
  const stopRequested = useRef(false);

  // Typed day/month/year (a browser date field garbles a date typed over a date); a term fills them in.
  const fromDay = readTypedDate(from);
  const toDay = readTypedDate(to);
  const run = async () => {
    setMessage(undefined);
    if (fromDay.kind !== 'date' || toDay.kind !== 'date' || toDay.isoDate < fromDay.isoDate) {
      setMessage({
        tone: 'error',
        text: 'Enter the first and last day of the contacts to export as day/month/year, the last on or after the first.',
      });
      return;
    }
    const [firstDay, lastDay] = [fromDay.isoDate, toDay.isoDate];
    if (!exportFolder) {
      setMessage({
        tone: 'error',
        text: 'This window is not connected to Family Links’ background service, so nothing can be exported.',
      });
      return;
    }
    const start = startOfDayIn(firstDay, timeZone);
    const end = startOfDayIn(addDays(lastDay, 1), timeZone);
    const forms = (
      youngPersonId
        ? await repository.listForYoungPerson(session, youngPersonId, start, end)
        : await repository.listBetween(session, start, end)
    ).filter((form) => form.status === 'filed');
    if (forms.length === 0) {
      setMessage({
        tone: 'info',
        text: 'No filed forms that you may read are in those dates. Nothing was exported.',
      });
      return;
    }
    const who = youngPersonId
      ? (youngPeople?.find((person) => person.id === youngPersonId) ?? undefined)
      : undefined;
    const recorded = await disclosure.ask({
      what: `${forms.length} signed contact form${forms.length === 1 ? '' : 's'}${who ? ` for ${displayName(who)}` : ''}, contacts from ${ukDateText(firstDay)} to ${ukDateText(lastDay)}`,
      kind: 'pdf',
      ...(youngPersonId ? { youngPersonId } : {}),
    });
    if (!recorded) return;
    const folder = await exportFolder.choose('Choose where to put the signed contact forms');
    if (!folder.ok || folder.value.outcome !== 'chosen') {
      setMessage({
        tone: 'info',
        text: folder.ok ? 'No folder was chosen, so nothing was exported.' : folder.error.message,
      });
      return;
    }
    stopRequested.current = false;
    setProgress({ done: 0, total: forms.length });
    let written = 0;
    let withoutCopy = 0;
    const exported: { formId: string; fileName: string; sha256: string }[] = [];
    // Whatever happens below (done, stopped or a failed write), each file that left is audited with its hash.
    const audit = () =>
      exported.length > 0
        ? repository.recordExport(session, recorded.id, exported)
        : Promise.resolve(undefined);
    for (const form of forms) {
      if (stopRequested.current) break;
      const file = await repository.signedFile(session, form.id);
      if (!file) {
        // Forms filed before signed copies were kept (an import) have no PDF to export.
        withoutCopy += 1;
        setProgress({ done: written + withoutCopy, total: forms.length });
        continue;
      }
      const reply = await exportFolder.write(folder.value.exportId, `${form.reference}.pdf`, file.pdf);
      if (!reply.ok || reply.value.outcome !== 'written') {
        await audit();
        if (reply.ok && reply.value.outcome === 'failed' && reply.value.code === 'unsafe-name')
          await repository.recordRefusedFileName(session, form.id, reply.value.message);
        setProgress(undefined);
        setMessage({
          tone: 'error',
          text: `Stopped after ${written} of ${forms.length}: ${reply.ok && reply.value.outcome === 'failed' ? reply.value.message : 'the folder could not be written to.'} The files already written are in ${folder.value.folder}.`,
        });
        return;
      }
      exported.push({ formId: form.id, fileName: reply.value.fileName, sha256: reply.value.sha256 });
      written += 1;
      setProgress({ done: written + withoutCopy, total: forms.length });
    }
    await audit();
    setProgress(undefined);
    const note =
      withoutCopy > 0
        ? ` ${withoutCopy} older form${withoutCopy === 1 ? ' was' : 's were'} filed before signed copies were kept, so ${withoutCopy === 1 ? 'it has' : 'they have'} no PDF to export.`
        : '';
    setMessage(
      stopRequested.current && written + withoutCopy < forms.length
        ? {
            tone: 'info',
            text: `Stopped. ${written} of ${forms.length} signed forms were written to ${folder.value.folder}.${note}`,
          }
        : {
            tone: 'success',
            text: `Done: ${written} signed form${written === 1 ? '' : 's'} written to ${folder.value.folder}.${note}`,
          },
    );
  };

  return (
    <Panel titleId="export-forms-title" title="Export signed forms">
      <p className="muted">
        The signed PDFs exactly as filed, one file per form, named by reference. You will be asked why first:
        the export goes in the disclosure log.
      </p>
      {message ? <Banner tone={message.tone}>{message.text}</Banner> : null}
      <SubmitForm label="Export signed forms" onSubmit={() => run()}>
        <YoungPersonFilter
          emptyLabel="Every young person"
          youngPeople={youngPeople}
          value={youngPersonId}
          onChange={(event) => setYoungPersonId(event.target.value)}
        />
        {terms.length > 0 ? (
          <Field
            label="A whole term"
            hint="Fills in the dates below from the home’s calendar; change them if you need to."
          >
            {(wiring) => (
              <OptionSelect
                value={
                  terms.find(
                    (term) =>
                      fromDay.kind === 'date' &&
                      toDay.kind === 'date' &&
                      term.value === `${fromDay.isoDate}|${toDay.isoDate}`,
                  )?.value ?? ''
                }
                onChange={(event) => {
                  const [startsOn, endsOn] = event.target.value.split('|');
                  if (startsOn && endsOn) {
                    setFrom(ukDateText(startsOn));
                    setTo(ukDateText(endsOn));
                  }
                }}
                {...wiring}
                emptyLabel="Choose a term, or enter dates…"
                options={terms}
              />
            )}
          </Field>
        ) : null}
        <div className="form__row">
          {(
            [
              ['Contacts from', from, setFrom],
              ['Contacts to', to, setTo],
            ] as const
          ).map(([label, value, onChange]) => (
            <ControlledTextField
              key={label}
              label={label}
              hint="Day/month/year."
              autoComplete="off"
              className="input input--short"
              value={value}
              onChange={onChange}
            />
          ))}
        </div>
        {progress ? (
          <div>
            <label htmlFor="export-progress">
              Exporting: {progress.done} of {progress.total}
            </label>
            <progress
              id="export-progress"
              className="export-progress"
              max={progress.total}
              value={progress.done}
            />
            <button
              type="button"
              className="button button--secondary"
              onClick={() => (stopRequested.current = true)}
            >
              Stop
            </button>
          </div>
        ) : (
          <FormActions submitLabel="Export…" />
        )}
      </SubmitForm>
      <DisclosureReasonDialog {...disclosure.dialogProps} />
    </Panel>
  );
}
