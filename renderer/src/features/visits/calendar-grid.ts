import type { DiaryVisit } from '../../db/repositories/visit-reads';
import type { VisitDirectory } from './useVisitDirectory';
import type { ChosenSlot } from './calendar-time';

/** What every view of the diary draws from, on the home's clock, and what a person can do in it. */
export type CalendarGridProps = {
  readonly visits: readonly DiaryVisit[];
  readonly directory: VisitDirectory;
  readonly timeZone: string;
  readonly today: string;
  readonly onOpenVisit: (visit: DiaryVisit) => void;
  readonly onChooseSlot: (slot: ChosenSlot) => void;
};
