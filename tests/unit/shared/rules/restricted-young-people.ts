/** The young person buildCheckableRestriction's restrictions protect unless told otherwise. */
export const amy = 'young-person-amy';

/** Another young person at the home, whom those restrictions do not name. */
export const ben = 'young-person-ben';
