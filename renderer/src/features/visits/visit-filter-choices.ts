import type { VisitFilter } from '../../db/repositories/visit-reads';
import type { OptionGroup } from '../../ui/Field';
import type { VisitDirectory } from './useVisitDirectory';

/** The kinds of thing the calendar narrows to, each choice's value starting with its kind. */
type FilterKind = 'youngPerson' | 'staff' | 'room';

function choiceOf(kind: FilterKind, id: string, label: string) {
  return { value: `${kind}:${id}`, label };
}

/**
 * The calendar's "Show visits for" choices, grouped: each young person, member of staff and room, by
 * name, each choice's value saying what it names.
 */
export function visitFilterGroups(directory: VisitDirectory): readonly OptionGroup[] {
  return [
    {
      label: 'Young people',
      options: directory.youngPeople.map((person) =>
        choiceOf('youngPerson', person.id, directory.youngPersonName(person.id)),
      ),
    },
    { label: 'Staff', options: directory.staff.map((member) => choiceOf('staff', member.id, member.name)) },
    { label: 'Rooms', options: directory.rooms.map((room) => choiceOf('room', room.id, room.name)) },
  ];
}

/** What a chosen value narrows the calendar to; the empty choice ("Everyone") narrows nothing. */
export function visitFilterOf(value: string): VisitFilter {
  const [kind, id] = value.split(':');
  if (!id) return {};
  if (kind === 'youngPerson') return { youngPersonId: id };
  if (kind === 'staff') return { staffId: id };
  if (kind === 'room') return { roomId: id };
  return {};
}
