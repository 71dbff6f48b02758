/** Plain words for the audit log's action codes; an unknown code is shown as it is. */
const labels: Readonly<Record<string, string>> = {
  'home.set-up': 'Set up the home',
  'account.created': 'Created an account',
  'account.updated': 'Changed an account',
  'account.password-reset': 'Reset a password',
  'account.password-changed': 'Changed their password',
  'account.locked-out': 'Account locked after wrong passwords',
  'session.signed-in': 'Signed in',
  'session.sign-in-failed': 'Failed sign-in',
  'session.sign-in-refused': 'Sign-in refused',
  'session.locked': 'Locked the screen',
  'session.signed-out': 'Signed out',
  'settings.home-updated': 'Changed the home’s details',
  'settings.security-updated': 'Changed the auto-lock time',
  'academic-year.created': 'Added an academic year',
  'academic-year.updated': 'Changed an academic year',
  'audit.verified': 'Checked the audit log',
  'visitor.restriction-on-correction': 'Corrected a register entry to name someone restricted',
  'young-person.created': 'Added a young person',
  'young-person.updated': 'Changed a young person’s details',
  'person.created': 'Added a family member or friend',
  'person.updated': 'Changed a family member’s or friend’s details',
  'restriction.recorded': 'Recorded a contact restriction',
  'restriction.updated': 'Changed a contact restriction',
  'restriction.approved': 'Approved a contact restriction',
  'restriction.ended': 'Ended a contact restriction',
  'visitor.signed-in': 'Signed a visitor in',
  'visitor.signed-out': 'Signed a visitor out',
  'visitor.amended': 'Corrected the visitor register',
  'visitor.override': 'Overrode a restriction at the door',
  'declaration.recorded': 'Made a staff declaration',
  'declaration.reviewed': 'Reviewed a staff declaration',
  'disclosure.recorded': 'Took a copy out of the app',
};

export function auditActionLabel(action: string): string {
  return labels[action] ?? action;
}
