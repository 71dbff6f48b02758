import { useState } from 'react';
import { zodResolver } from '@hookform/resolvers/zod';
import { useForm, type UseFormReturn } from 'react-hook-form';
import { z } from 'zod';
import { formatUkDate } from '@shared/format-dates';
import { calendarDateOf, clockTime } from '@shared/home-time';
import { listInWords } from '@shared/word-lists';
import { useHomeTimeZone } from '../../common/useHomeTimeZone';
import { Banner } from '../../ui/Banner';
import { TextField } from '../../ui/TextField';
import { ServerFields } from './ServerFields';
import { adminFormSchema, emptyServer, noAdmin, serverFormSchema } from './server-values';
import { AdminFields, SyncForm, refusalOf, useSyncSubmit } from './SyncForm';
import { useComputers, type PendingAddition, type RegisteredDevice } from './useComputers';
import { Panel } from '../../ui/Panel';
import { ColumnHeads } from '../../ui/ColumnHeads';

type Computers = NonNullable<ReturnType<typeof useComputers>>;

/** A computer's name, which the server can read: so a place, not a person. */
function ComputerNameField(props: {
  form: Pick<UseFormReturn<{ name: string }>, 'register' | 'formState'>;
  label: string;
  example: string;
}) {
  return (
    <TextField
      form={props.form}
      name="name"
      label={props.label}
      hint={`Where it is, for example ${props.example}. Not a person’s name: the server can read it.`}
    />
  );
}

const setUpFormSchema = z.object({
  server: serverFormSchema,
  createDatabase: z.boolean(),
  name: z.string(),
  admin: adminFormSchema,
});

function SetUpForm({ computers }: { computers: Computers }) {
  const form = useForm<z.input<typeof setUpFormSchema>, unknown, z.output<typeof setUpFormSchema>>({
    resolver: zodResolver(setUpFormSchema),
    defaultValues: { server: emptyServer, createDatabase: true, name: 'Office', admin: noAdmin },
  });
  const sending = useSyncSubmit(form, async (values) => refusalOf(await computers.setUp(values)));

  return (
    <Panel titleId="sync-set-up-title" title="Set up sync">
      <p>
        With a sync server, every computer of the home holds the same records. The server only ever holds them
        sealed: it cannot read a name or a note. Without one, this computer works on its own as now.
      </p>
      <SyncForm label="Set up sync" sending={sending} submitLabel="Set up" busyLabel="Setting up…">
        <ServerFields form={form} />
        <label className="checkbox">
          <input type="checkbox" {...form.register('createDatabase')} /> Make the database on the server if it
          is not there yet
        </label>
        <ComputerNameField form={form} label="This computer’s name" example="Office" />
        <AdminFields form={form} />
      </SyncForm>
    </Panel>
  );
}

const connectAgainFormSchema = z.object({ server: serverFormSchema, admin: adminFormSchema });

/**
 * A computer of the home whose server settings are gone: it connects again as itself, keeping its
 * name and its place among the home's computers (a new place would escape its removal).
 */
function ConnectAgainForm({ computers }: { computers: Computers }) {
  const form = useForm<
    z.input<typeof connectAgainFormSchema>,
    unknown,
    z.output<typeof connectAgainFormSchema>
  >({
    resolver: zodResolver(connectAgainFormSchema),
    defaultValues: { server: emptyServer, admin: noAdmin },
  });
  const sending = useSyncSubmit(form, async (values) =>
    refusalOf(await computers.setUp({ ...values, createDatabase: false, name: '' })),
  );

  return (
    <Panel titleId="sync-connect-again-title" title="Connect this computer again">
      <p>
        This computer is one of the home’s computers, but its connection to the sync server is no longer kept
        here. Enter the server and the database it used before, with the server admin’s sign-in. It keeps its
        name and its place among the home’s computers.
      </p>
      <SyncForm
        label="Connect this computer again"
        sending={sending}
        submitLabel="Connect again"
        busyLabel="Connecting…"
      >
        <ServerFields form={form} />
        <AdminFields form={form} />
      </SyncForm>
    </Panel>
  );
}

const addFormSchema = z.object({ name: z.string(), admin: adminFormSchema });

/** Adding a computer: its name and the admin's sign-in, then a code, kept by the app until it joins. */
function AddComputer({ computers, onClose }: { computers: Computers; onClose: () => void }) {
  const form = useForm<z.input<typeof addFormSchema>, unknown, z.output<typeof addFormSchema>>({
    resolver: zodResolver(addFormSchema),
    defaultValues: { name: '', admin: noAdmin },
  });
  const sending = useSyncSubmit(form, async (values) => {
    const made = await computers.add(values);
    if (made?.ok) onClose();
    return refusalOf(made, 'name');
  });

  return (
    <Panel titleId="sync-add-title" title="Add a computer">
      <SyncForm
        label="Add a computer"
        sending={sending}
        submitLabel="Make a pairing code"
        busyLabel="Making a code…"
        onCancel={onClose}
      >
        <ComputerNameField form={form} label="The new computer’s name" example="Front desk" />
        <AdminFields form={form} />
      </SyncForm>
    </Panel>
  );
}

/**
 * A computer added and not yet joined, or just joined, or whose code ran out: shown again when the
 * manager comes back to this screen, since the app (not this panel) endorses it when it joins.
 */
function PendingAdditionPanel({ computers, addition }: { computers: Computers; addition: PendingAddition }) {
  const { issued } = addition;
  const titleId = `sync-add-title-${issued.pairingId}`;
  if (addition.state !== 'waiting')
    return (
      <Panel titleId={titleId} title={<>Add {issued.name}</>}>
        {addition.state === 'joined' ? (
          <Banner tone="success">
            {issued.name} has joined the home’s computers. Staff can sign in there with their own passwords.
          </Banner>
        ) : (
          <Banner tone="error">
            The code for {issued.name} has expired. Add the computer again for a new code.
          </Banner>
        )}
        <button type="button" className="button" onClick={() => void computers.drop(issued.pairingId)}>
          Done
        </button>
      </Panel>
    );
  return <WaitingAdditionPanel computers={computers} issued={issued} titleId={titleId} />;
}

/**
 * The code for a computer not yet joined, and the way to cancel it. A cancel that did not reach
 * the server says so and keeps the code on screen: it still works until it expires.
 */
function WaitingAdditionPanel({
  computers,
  issued,
  titleId,
}: {
  computers: Computers;
  issued: PendingAddition['issued'];
  titleId: string;
}) {
  const timeZone = useHomeTimeZone();
  const [cancelling, setCancelling] = useState(false);
  const [refused, setRefused] = useState<string | undefined>();
  const cancel = async () => {
    setCancelling(true);
    setRefused(undefined);
    try {
      const dropped = await computers.drop(issued.pairingId);
      if (!dropped.ok) setRefused(dropped.error.message);
    } finally {
      // Even if the cancel failed unexpectedly, the button works again (a panel that went is gone).
      setCancelling(false);
    }
  };
  return (
    <Panel titleId={titleId} title={<>Add {issued.name}</>}>
      <p>
        On {issued.name}, open Family Links, choose “Join this home’s computers”, and enter the server’s
        details and this code:
      </p>
      <p className="pairing-code" aria-label="Pairing code">
        <code>{issued.text}</code>
      </p>
      <p>It works once. Do not write it down or send it by email.</p>
      <p role="status" aria-live="polite">
        Waiting for {issued.name} to join, code expires at {clockTime(issued.expiresAt, timeZone)}.
      </p>
      <p className="field__hint">
        You can use other screens meanwhile: {issued.name} is added when it joins. If you sign out or lock
        this computer before it joins, add it again.
      </p>
      {refused ? (
        <Banner tone="error">
          The code for {issued.name} could not be cancelled, so it still works until{' '}
          {clockTime(issued.expiresAt, timeZone)}. {refused}
        </Banner>
      ) : null}
      <button
        type="button"
        className="button button--secondary"
        disabled={cancelling}
        onClick={() => void cancel()}
      >
        {cancelling ? 'Cancelling…' : 'Cancel'}
        <span className="visually-hidden"> adding {issued.name}</span>
      </button>
    </Panel>
  );
}

const removeFormSchema = z.object({ admin: adminFormSchema });

/** The computer just removed, and those left that could not be given the new sync key yet. */
type Removed = { readonly name: string; readonly waiting: readonly string[] };

/** What the manager is told after a removal, naming any computer that cannot read new records yet. */
function RemovedNotice({ removed }: { removed: Removed }) {
  const { name, waiting } = removed;
  if (waiting.length === 0)
    return <Banner tone="success">{name} has been removed. The server refuses it from now on.</Banner>;
  const one = waiting.length === 1;
  return (
    <Banner tone="info">
      {name} has been removed. The server refuses it from now on. {listInWords(waiting)} could not be given
      the home’s new sync key: {one ? 'it has' : 'they have'} not been on since {one ? 'it was' : 'they were'}{' '}
      updated. Until {one ? 'it is' : 'they are'} on again, {one ? 'it' : 'they'} cannot read what the other
      computers record. Switch {one ? 'it' : 'them'} on and connect {one ? 'it' : 'them'} to the network: a
      computer of the home that is on then gives {one ? 'it' : 'them'} the key.
    </Banner>
  );
}

/** The confirmation before a computer is removed, naming it. */
function RemoveComputer({
  computers,
  device,
  onClose,
}: {
  computers: Computers;
  device: RegisteredDevice;
  onClose: (removed?: Removed) => void;
}) {
  const name = device.name ?? 'this computer';
  const form = useForm<z.input<typeof removeFormSchema>, unknown, z.output<typeof removeFormSchema>>({
    resolver: zodResolver(removeFormSchema),
    defaultValues: { admin: noAdmin },
  });
  const sending = useSyncSubmit(form, async ({ admin }) => {
    const removed = await computers.remove(device, admin);
    if (removed?.ok !== false) onClose({ name, waiting: removed?.value.waiting ?? [] });
    return refusalOf(removed);
  });
  return (
    <Panel titleId="sync-remove-title" title={<>Remove {name}?</>} role="alertdialog">
      <p>
        The server will refuse {name} from now on, and every computer will refuse any change it makes after
        this. What it recorded before stays. To use it again, add it again with a new code.
      </p>
      <SyncForm
        label={`Remove ${name}`}
        sending={sending}
        submitLabel={`Remove ${name}`}
        busyLabel="Removing…"
        isDanger
        onCancel={() => onClose()}
        cancelLabel="Keep it"
      >
        <AdminFields form={form} />
      </SyncForm>
    </Panel>
  );
}

function ComputerList({
  computers,
  onRemove,
}: {
  computers: Computers;
  onRemove: (device: RegisteredDevice) => void;
}) {
  const list = computers.computers ?? [];
  const timeZone = useHomeTimeZone();
  return (
    <table className="table">
      <caption className="visually-hidden">The home’s computers</caption>
      <ColumnHeads columns={['Computer', 'Added']} hasActions />
      <tbody>
        {list.map((device) => {
          const name = device.name ?? 'A computer with no name';
          const isThis = device.deviceId === computers.thisDeviceId;
          return (
            <tr key={device.deviceId}>
              <th scope="row">
                {name}
                {isThis ? ' (this computer)' : ''}
                {device.removedAt ? ' (removed)' : ''}
              </th>
              <td>{formatUkDate(calendarDateOf(device.endorsedAt, timeZone))}</td>
              <td>
                {isThis || device.removedAt ? null : (
                  <button type="button" className="button button--secondary" onClick={() => onRemove(device)}>
                    Remove<span className="visually-hidden"> {name}</span>
                  </button>
                )}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

/**
 * The manager's Computers screen: set sync up on this computer, then the home's computers, adding
 * one (with a one-time code; the app endorses it when it joins, and its panel shows here until
 * then) and removing one (confirmed by name).
 */
export function ComputersScreen() {
  const computers = useComputers();
  const [isAdding, setIsAdding] = useState(false);
  const [removing, setRemoving] = useState<RegisteredDevice>();
  const [removed, setRemoved] = useState<Removed>();

  if (!computers)
    return (
      <div className="page page--narrow">
        <h1>Computers</h1>
        <Banner tone="error">
          Sync needs the Family Links desktop app: this window has no background service to reach a server.
        </Banner>
      </div>
    );
  const { status } = computers;
  return (
    <div className="page page--narrow">
      <h1>Computers</h1>
      {status === undefined ? <p role="status">Loading…</p> : null}
      {status && !status.configured && status.changedOutsideApp ? (
        <Banner tone="error">
          The sync settings on this computer were changed outside Family Links, so they are not used and this
          computer is not syncing. The Registered Manager must set up sync again.
        </Banner>
      ) : null}
      {status && !status.configured ? (
        computers.isInHome ? (
          <ConnectAgainForm computers={computers} />
        ) : (
          <SetUpForm computers={computers} />
        )
      ) : null}
      {status?.configured ? (
        <>
          <Panel titleId="sync-server-title" title="The sync server">
            <dl className="details">
              <dt>Address</dt>
              <dd>{status.serverUrl}</dd>
              <dt>Database</dt>
              <dd>{status.database}</dd>
              <dt>Certificate</dt>
              <dd>{status.trustsOwnCa ? 'Trusted through the home’s own CA' : 'From a public authority'}</dd>
            </dl>
          </Panel>
          <Panel titleId="sync-computers-title" title="The home’s computers">
            {removed ? <RemovedNotice removed={removed} /> : null}
            <ComputerList computers={computers} onRemove={setRemoving} />
            {!isAdding && !removing ? (
              <button type="button" className="button" onClick={() => setIsAdding(true)}>
                Add a computer
              </button>
            ) : null}
          </Panel>
          {computers.additions.map((addition) => (
            <PendingAdditionPanel key={addition.issued.pairingId} computers={computers} addition={addition} />
          ))}
          {isAdding ? <AddComputer computers={computers} onClose={() => setIsAdding(false)} /> : null}
          {removing ? (
            <RemoveComputer
              computers={computers}
              device={removing}
              onClose={(done) => {
                setRemoving(undefined);
                setRemoved(done);
              }}
            />
          ) : null}
        </>
      ) : null}
    </div>
  );
}
