import type { VisitorEntry } from '@shared/schemas/registers';

export type VisitorConditions = {
  /** "Conditions", or that the manager admitted them against a restriction. */
  readonly heading: string;
  /** Each condition in the words care staff act on, then who supervises. */
  readonly lines: readonly string[];
};

/**
 * What a visitor on site was admitted under, for "On site now", the fire roll and the handover
 * (DESIGN rule 8: a care worker sees "supervised only, speak to the duty manager", never the court
 * order). The words were kept with the entry at the door, so they say what was agreed then even if
 * the restriction changes later. Entries from before they were kept say to ask the duty manager.
 */
export function visitorConditions(
  entry: Pick<VisitorEntry, 'restrictionCheck' | 'admittedUnder' | 'supervisingStaffId'>,
  staffName: (id: string | undefined) => string,
): VisitorConditions | undefined {
  if (entry.restrictionCheck === 'clear' || entry.restrictionCheck === 'block') return undefined;
  const conditions = entry.admittedUnder.map((condition) => condition.condition);
  const lines = [
    ...(conditions.length > 0 ? conditions : ['A restriction applies. Ask the duty manager what it is.']),
    ...(entry.supervisingStaffId ? [`Supervised by ${staffName(entry.supervisingStaffId)}.`] : []),
  ];
  return {
    heading:
      entry.restrictionCheck === 'overridden'
        ? 'Admitted by the manager against a restriction'
        : 'Admitted under conditions',
    lines: [...new Set(lines)],
  };
}
