import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { roomFormSchema, type Room, type RoomForm } from '@shared/schemas/visits';
import { Banner } from '../../ui/Banner';
import { Field, TextInput } from '../../ui/Field';
import { FormNotices } from '../../ui/FormNotices';
import { useRecordSubmit } from '../../common/useRecordSubmit';
import { useRooms, type RoomChanges } from './useRooms';
import './settings.css';
import { FormActions } from '../../ui/FormActions';
import { RowButton } from '../../ui/RowButton';

/**
 * Settings → Rooms (the manager's): the rooms staff can book for visits. A room is never deleted,
 * because past visits name it; it is withdrawn from booking, and can be made bookable again.
 */
export function RoomsScreen() {
  const { rooms, changes } = useRooms();
  const [message, setMessage] = useState<{ tone: 'success' | 'error'; text: string } | undefined>();
  const [renaming, setRenaming] = useState<Room | undefined>();

  return (
    <div className="page">
      <h1>Rooms</h1>
      <p className="lede">
        The rooms staff can book for visits. A room that is no longer used is withdrawn, not deleted, so past
        visits still name it.
      </p>
      {message ? <Banner tone={message.tone}>{message.text}</Banner> : null}
      <RoomNameForm
        key={renaming?.id ?? 'new'}
        changes={changes}
        room={renaming}
        onSaved={(text) => {
          setMessage({ tone: 'success', text });
          setRenaming(undefined);
        }}
        onCancel={() => setRenaming(undefined)}
      />
      <h2>Rooms</h2>
      {rooms === undefined ? <p role="status">Loading…</p> : null}
      {rooms?.length === 0 ? (
        <p className="empty">No rooms yet. Add the rooms families visit in, such as the family room.</p>
      ) : null}
      <ul className="rooms-list" aria-label="Rooms">
        {rooms?.map((room) => (
          <RoomRow
            key={room.id}
            room={room}
            changes={changes}
            onRename={() => setRenaming(room)}
            onMessage={setMessage}
          />
        ))}
      </ul>
    </div>
  );
}

function RoomRow({
  room,
  changes,
  onRename,
  onMessage,
}: {
  room: Room;
  changes: RoomChanges;
  onRename: () => void;
  onMessage: (message: { tone: 'success' | 'error'; text: string }) => void;
}) {
  const toggle = async () => {
    const result = await changes.setBookable(room.id, !room.isActive);
    onMessage(
      result.ok
        ? {
            tone: 'success',
            text: result.value.isActive
              ? `${room.name} can be booked again.`
              : `${room.name} is withdrawn: it can no longer be booked.`,
          }
        : { tone: 'error', text: result.error.message },
    );
  };
  return (
    <li>
      <strong>{room.name}</strong>
      <span className="badge">{room.isActive ? 'Bookable' : 'Withdrawn'}</span>
      <RowButton name={`Rename ${room.name}`} onClick={onRename}>
        Rename
      </RowButton>
      <RowButton
        name={room.isActive ? `Withdraw ${room.name} from booking` : `Make ${room.name} bookable again`}
        onClick={() => void toggle()}
      >
        {room.isActive ? 'Withdraw' : 'Make bookable'}
      </RowButton>
    </li>
  );
}

function RoomNameForm({
  changes,
  room,
  onSaved,
  onCancel,
}: {
  changes: RoomChanges;
  room: Room | undefined;
  onSaved: (text: string) => void;
  onCancel: () => void;
}) {
  const form = useForm<RoomForm>({
    resolver: zodResolver(roomFormSchema),
    defaultValues: { name: room?.name ?? '' },
  });
  const { submit, failure } = useRecordSubmit(
    form,
    (values) => (room ? changes.rename(room.id, values) : changes.add(values)),
    (saved) => {
      form.reset({ name: '' });
      onSaved(room ? `Renamed to ${saved.name}.` : `${saved.name} added.`);
    },
    { invalidMessage: null },
  );
  const title = room ? `Rename ${room.name}` : 'Add a room';
  return (
    <form className="form panel" aria-label={title} noValidate onSubmit={submit}>
      <h2>{title}</h2>
      <FormNotices failure={failure} />
      <Field label="Room name" error={form.formState.errors.name?.message}>
        {(wiring) => <TextInput {...wiring} autoComplete="off" {...form.register('name')} />}
      </Field>
      <FormActions submitLabel={room ? 'Save name' : 'Add room'} onCancel={room ? onCancel : undefined} />
    </form>
  );
}
