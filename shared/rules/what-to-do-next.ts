import type { StaffRole } from '../schemas/staff';

/**
 * The last words of a message about something the person cannot put right on their own. A
 * colleague is told to tell the manager; the manager is the one who would be told, so "tell the
 * manager" would send them round in a circle: they are told what to do instead.
 */
export type ProblemToPassOn = 'not-saved' | 'damaged-record' | 'unexpected-error' | 'signed-copy-doubt';

const forColleagues: Readonly<Record<ProblemToPassOn, string>> = {
  'not-saved': 'Try again; if it keeps happening, tell the manager.',
  'damaged-record': 'Tell the registered manager.',
  'unexpected-error': 'If it keeps happening, note the time and tell the manager.',
  'signed-copy-doubt': 'Tell the Registered Manager, who can check the audit log and the case-file copy.',
};

const forTheManager: Readonly<Record<ProblemToPassOn, string>> = {
  'not-saved':
    'Try again; if it keeps happening, check the computer has free disk space and restart Family Links, then contact whoever looks after your home’s computers.',
  'damaged-record':
    'It is noted in the audit log. Look at the record in your latest backup made before it changed, and record it again from there.',
  'unexpected-error':
    'If it keeps happening, note the time, restart Family Links, and contact whoever looks after your home’s computers with the time.',
  'signed-copy-doubt':
    'Check this form’s filing in the audit log and open the copy in the case-file folder: if that copy’s signature checks, rely on it, and restore this computer’s copy from your latest backup.',
};

export function whatToDoNext(roles: readonly StaffRole[], problem: ProblemToPassOn): string {
  return roles.includes('registeredManager') ? forTheManager[problem] : forColleagues[problem];
}
