import { displayPersonName } from '@shared/display-names';
import { planAtTheDoor } from '@shared/rules/contact-plan-booking';
import type { Person } from '@shared/schemas/people';
import { useDoorPlan } from './useDoorPlan';

type Props = {
  /** The visitor, when chosen from the people register; a typed name has no plan to look up. */
  readonly personId: string | undefined;
  readonly youngPersonIds: readonly string[];
  readonly people: readonly Person[];
  readonly youngPersonName: (id: string) => string;
  readonly today: string;
};

/**
 * What each visited young person's contact plan agrees with this visitor, for the person at the
 * door to read beside the restriction check: information, never a block.
 */
export function DoorPlanNotes({ personId, youngPersonIds, people, youngPersonName, today }: Props) {
  const arrangements = useDoorPlan(personId ? youngPersonIds : []);
  const person = people.find((candidate) => candidate.id === personId);
  if (!person || !arrangements) return null;
  const notes = planAtTheDoor(
    { personId: person.id, personName: displayPersonName(person), youngPersonIds, today, youngPersonName },
    arrangements,
  );
  if (notes.length === 0) return null;
  return (
    <div className="door-plan" role="status" aria-label="What the contact plan agrees">
      {notes.map((note) => (
        <p key={note.youngPersonId} className={note.isOutsidePlan ? 'door-plan__outside' : undefined}>
          {note.text}
        </p>
      ))}
    </div>
  );
}
