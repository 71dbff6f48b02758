/** The columns every view of the register starts with, on screen and on paper, so they read alike. */
export const entryColumns = ['Visitor', 'Arrived', 'Left', 'Visiting', 'Reason', 'Badge'] as const;
