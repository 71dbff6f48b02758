import { useState } from 'react';
import { zodResolver } from '@hookform/resolvers/zod';
import { useForm } from 'react-hook-form';
import { z } from 'zod';
import { Banner } from '../../ui/Banner';
import { TextField } from '../../ui/TextField';
import { ServerFields } from './ServerFields';
import { emptyServer, serverFormSchema } from './server-values';
import { SyncForm, refusalOf, useSyncSubmit } from './SyncForm';
import { useJoinHome, type PullProgress } from './useJoinHome';
import { Panel } from '../../ui/Panel';

const stageText: Readonly<Record<PullProgress['stage'], string>> = {
  copying: 'Copying the home’s records from the server',
  applying: 'Putting the records in place',
};

const count = (value: number) => value.toLocaleString('en-GB');

const joinFormSchema = z.object({
  server: serverFormSchema,
  code: z
    .string()
    .refine((code) => code.trim() !== '', 'Enter the pairing code from the manager’s computer.'),
});

/**
 * A new computer joins the home's computers: the server's details and the one-time code the
 * manager's Computers screen shows, then the home's records pulled with a progress bar. Staff sign
 * in afterwards with their own passwords. A join that stopped part way (the window closed) says
 * so, and how to finish.
 */
export function JoinHomeScreen({ wasJoining, onCancel }: { wasJoining: boolean; onCancel: () => void }) {
  const joining = useJoinHome();
  const [progress, setProgress] = useState<PullProgress>();
  const form = useForm<z.input<typeof joinFormSchema>, unknown, z.output<typeof joinFormSchema>>({
    resolver: zodResolver(joinFormSchema),
    defaultValues: { server: emptyServer, code: '' },
  });
  const sending = useSyncSubmit(form, async ({ server, code }) => {
    if (!joining) return undefined;
    const joined = await joining.join(server, code, setProgress);
    if (!joined.ok) setProgress(undefined);
    return refusalOf(joined, 'code');
  });
  const isWorking = sending.isBusy;

  return (
    <main className="page page--narrow" aria-labelledby="join-home-title">
      <p className="shell__product">Family Links</p>
      <h1 id="join-home-title">Join this home’s computers</h1>
      {!joining ? (
        <Banner tone="error">
          Joining needs the Family Links desktop app: this window has no background service to reach a server.
        </Banner>
      ) : null}
      {wasJoining && !isWorking ? (
        <Banner tone="info">
          This computer started joining the home’s computers but did not finish, so it does not hold all the
          records yet and nobody can sign in here. Ask the manager for a new code (Settings, Computers, “Add a
          computer”) and enter it below to finish joining.
        </Banner>
      ) : null}
      {progress ? (
        <Panel titleId="join-progress-title" title={stageText[progress.stage]}>
          <progress
            className="progress"
            max={progress.total}
            value={progress.done}
            aria-labelledby="join-progress-title"
            aria-describedby="join-progress-count"
          />
          <p id="join-progress-count" role="status">
            {count(progress.done)} of {count(progress.total)} records
          </p>
          <p>Keep this window open until it is done. Staff then sign in with their own passwords.</p>
        </Panel>
      ) : (
        <>
          <p className="lede">
            If the home already uses Family Links on another computer with a sync server, this computer can
            hold the same records. Ask the manager to add it under Settings, Computers: they will give you a
            one-time pairing code.
          </p>
          <SyncForm
            label="Join this home’s computers"
            sending={sending}
            isDisabled={!joining}
            submitLabel="Join"
            busyLabel="Joining…"
            onCancel={wasJoining ? undefined : onCancel}
            cancelLabel="Back"
          >
            <ServerFields form={form} />
            <TextField
              form={form}
              name="code"
              label="Pairing code"
              hint="Eight letters and digits, then six words, for example K7Q2-M9XA river candy maple orbit velvet sugar."
              autoComplete="off"
              spellCheck={false}
            />
          </SyncForm>
        </>
      )}
    </main>
  );
}
