import {
  myYoungPeopleRepository,
  type MyYoungPeopleRead,
} from '../../db/repositories/my-young-people-repository';
import { useLiveRead } from '../../common/useLiveRead';

/**
 * The signed-in person's young people and what they owe each, kept live: a contact recorded or a
 * visit booked from a line shows at once as done or booked. Undefined while loading.
 */
export function useMyYoungPeople(today: string, timeZone: string): MyYoungPeopleRead | undefined {
  return useLiveRead(
    myYoungPeopleRepository,
    (repository, session) => repository.read(session, new Date(), today, timeZone),
    [today, timeZone],
  ).value;
}
