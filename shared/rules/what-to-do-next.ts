import type { StaffRole } from '../schemas/staff';

/**
 * The last words of a message about something the person cannot put right on their own. A
 * colleague is told to tell the manager; the manager is the one who would be told, so "tell the
 * manager" would send them round in a circle: they are told what to do instead.
 */
export type ProblemToPassOn = 'not-saved' | 'damaged-record';

const forColleagues: Readonly<Record<ProblemToPassOn, string>> = {
  'not-saved': 'Try again; if it keeps happening, tell the manager.',
  'damaged-record': 'Tell the registered manager.',
};

const forTheManager: Readonly<Record<ProblemToPassOn, string>> = {
  'not-saved':
    'Try again; if it keeps happening, check the computer has free disk space and restart Family Links, then contact whoever looks after your home’s computers.',
  'damaged-record':
    'It is noted in the audit log. Look at the record in your latest backup made before it changed, and record it again from there.',
};

export function whatToDoNext(roles: readonly StaffRole[], problem: ProblemToPassOn): string {
  return roles.includes('registeredManager') ? forTheManager[problem] : forColleagues[problem];
}
