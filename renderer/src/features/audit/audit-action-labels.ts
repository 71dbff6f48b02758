/**
 * Plain words for the audit log's action codes (DESIGN: every change attributable, read by a
 * manager, not a developer). A unit test holds every action the code writes to a label here; an
 * unknown code (from a newer build) is shown as it is.
 */
const labels: Readonly<Record<string, string>> = {
  'home.set-up': 'Set up the home',
  'account.created': 'Created an account',
  'account.updated': 'Changed an account',
  'account.password-reset': 'Reset a password',
  'account.password-changed': 'Changed their password',
  'account.locked-out': 'Account locked after wrong passwords',
  'account.keys-reconciled': 'Gave colleagues the keys their roles allow',
  'account.keys-deleted': 'Deleted a switched-off account’s keys',
  'account.keys-regranted': 'Changed which records an account can open',
  'account.handed-over': 'Handed over a switched-off colleague’s work',
  'handover.young-person': 'Handed over a young person',
  'handover.pan-place': 'Handed over a PAN group place',
  'handover.contact-form': 'Handed over a contact form',
  'handover.contact-form-action': 'Handed over an action on a contact form',
  'record.damaged': 'Found a record changed outside Family Links',
  'records.resealed': 'Sealed older records the current way',
  'records.resealed-all': 'Finished sealing older records the current way',
  'keys.rotation-started': 'Started changing a key after someone left',
  'keys.rotation-resumed': 'Carried on changing a key after an interruption',
  'keys.rotation-finished': 'Finished changing a key; the old one is deleted',
  'certificate.authority-created': 'Made the home’s signing authority',
  'certificate.issued': 'Issued a signing certificate',
  'certificate.reissued': 'Issued a new signing certificate',
  'certificate.not-issued': 'Made an account without a signing certificate',
  'certificate.renewed': 'Renewed their signing certificate',
  'certificate.revoked': 'Stopped a certificate counting for manager changes',
  'certificate.not-revoked': 'Could not stop a certificate counting for manager changes',
  'settings.case-file-folder-changed': 'Chose the case-file folder',
  'file.name-refused': 'Refused a file name that could reach outside its folder',
  'declarations.pdf-signed': 'Signed a PDF of staff declarations',
  'session.signed-in': 'Signed in',
  'session.sign-in-failed': 'Failed sign-in',
  'session.sign-in-refused': 'Sign-in refused',
  'session.locked': 'Locked the screen',
  'session.signed-out': 'Signed out',
  'settings.home-updated': 'Changed the home’s details',
  'settings.security-updated': 'Changed the auto-lock time',
  'settings.digest-recorded': 'Recorded a setting as it stood, to notice changes made outside Family Links',
  'academic-year.created': 'Added an academic year',
  'academic-year.updated': 'Changed an academic year',
  'academic-year.digest-recorded':
    'Recorded an academic year as it stood, to notice changes made outside Family Links',
  'academic-year.digests-began': 'Began holding term dates to the audit log',
  'audit.verified': 'Checked the audit log',
  'audit.pending-removed': 'Sign-in records removed before they reached the log',
  'audit.exported': 'Exported entries from the audit log',
  'visitor.restriction-on-correction': 'Corrected a register entry to name someone restricted',
  'young-person.created': 'Added a young person',
  'young-person.updated': 'Changed a young person’s details',
  'young-person.case-numbers-sealed': 'Sealed young people’s case numbers (no change to their details)',
  'person.created': 'Added a family member or friend',
  'person.updated': 'Changed a family member’s or friend’s details',
  'person.special-date-reminded': 'Told a Personal Tutor a family member’s special date is coming up',
  'contact-plan.recorded': 'Recorded an arrangement in a contact plan',
  'contact-plan.changed': 'Changed an arrangement in a contact plan',
  'restriction.recorded': 'Recorded a contact restriction',
  'restriction.updated': 'Changed a contact restriction',
  'restriction.approved': 'Approved a contact restriction',
  'restriction.reviewed': 'Reviewed a contact restriction',
  'restriction.ended': 'Ended a contact restriction',
  'visitor.signed-in': 'Signed a visitor in',
  'visitor.signed-out': 'Signed a visitor out',
  'visitor.amended': 'Corrected the visitor register',
  'visitor.override': 'Overrode a restriction at the door',
  'visitor.turned-away': 'Recorded a visitor turned away at the door',
  'visitor.turned-away-not-alerted': 'Could not queue the email alert about a visitor turned away',
  'visitor.id-checked': 'Checked a visitor’s ID against a restricted person’s name',
  'visitor.sign-out-undone': 'Put back on site a visitor signed out by mistake',
  'visitor.badge-printed': 'Printed a visitor badge',
  'visiting-protocol.published': 'Published a new version of the visiting protocol',
  'visiting-protocol.accepted': 'A visitor accepted the visiting protocol at sign-in',
  'visiting-protocol.declined': 'A visitor declined the visiting protocol at sign-in',
  'visitor.unbooked-visit-not-alerted':
    'Could not queue the email alert to the PT about a family visit without a booking',
  'visit.booked': 'Booked a visit',
  'visit.changed': 'Changed or moved a visit',
  'visit.status-changed': 'Changed a visit’s status',
  'visit.arrived': 'Signed in a visitor for a booked visit',
  'visit.ended-at-door': 'Ended a booked visit as its last visitor signed out',
  'room.added': 'Added a room',
  'room.renamed': 'Renamed a room',
  'review.sample-drawn': 'Drew a sample of contact forms to review',
  'review.sample-form-reviewed': 'Reviewed a sampled contact form',
  'review.report-exported': 'Exported the termly review',
  'chronology.signed-copy-saved': 'Saved a signed copy of a young person’s chronology',
  'room.withdrawn': 'Stopped a room being booked',
  'room.restored': 'Made a room bookable again',
  'declaration.recorded': 'Made a staff declaration',
  'declaration.reviewed': 'Reviewed a staff declaration',
  'disclosure.recorded': 'Took a copy out of the app',
  'pan-group.member-added': 'Added someone to a PAN group',
  'pan-group.member-changed': 'Changed what a PAN group member is told',
  'pan-group.member-removed': 'Removed someone from a PAN group',
  'outbox.queued': 'Queued an email alert',
  'outbox.damaged-replaced': 'Replaced an email alert changed outside Family Links',
  'outbox.sent': 'An email alert was sent',
  'outbox.attempt-failed': 'An email alert could not be sent',
  'outbox.retried': 'Tried an email alert again',
  'outbox.cancelled': 'Cancelled an email alert',
  'outbox.sent-from-mail-client': 'Sent an email alert from a mail client',
  'outbox.released': 'Put back an email alert left half-sent',
  'mail-settings.saved': 'Changed the mail settings',
  'mail-settings.cleared': 'Removed the mail settings',
  'mail-settings.test-sent': 'Sent a test email',
  'mail-settings.test-failed': 'A test email could not be sent',
  'settings.contact-forms-updated': 'Changed how long staff have to file a contact form',
  'contact-form.due': 'A contact form fell due after a contact',
  'contact-form.imported': 'Imported contact forms',
  'contact-form.started': 'Started a contact form',
  'contact-form.saved': 'Saved a contact form',
  'contact-form.restricted-participant': 'Recorded a restricted person taking part in a contact',
  'contact-form.filed': 'Signed and filed a contact form',
  'contact-form.addendum-started': 'Started an addendum to a filed contact form',
  'contact-form.addendum-filed': 'Signed and filed an addendum to a contact form',
  'contact-form.exported': 'Exported a signed contact form',
  'contact-form.list-fields-copied':
    'Prepared contact forms for the quicker list (no change to their content)',
  'form-action.tracked': 'Began tracking the actions agreed on a filed contact form',
  'form-action.done': 'Marked an agreed action done',
  'form-action.overdue-raised': 'Told the owner and Case Co-ordinator an agreed action is overdue',
  'case-file.written': 'Wrote a signed copy into the case file',
  'case-file.queued': 'A signed copy is waiting for the case-file folder',
  'case-file.retry-failed': 'Tried again to write a signed copy to the case file',
  'case-file.copy-not-filed': 'A signed copy was left in the case file by a form not filed',
  'backup.made': 'Made a backup',
  'backup.failed': 'A backup could not be made',
  'backup.restored': 'Restored the records from a backup',
  'retention.settings-changed': 'Changed the retention periods',
  'retention.keep': 'Decided to keep records past their retention period',
  'retention.approve-destruction': 'Approved destroying records past their retention period',
  'sync.document-refused': 'Refused a record from the sync server',
  'sync.merged': 'Combined a record changed on two computers at once',
  'sync.version-chosen': 'Chose which version to keep of a record changed on two computers at once',
  'sync.versions-combined': 'Kept values from each version of a record changed on two computers at once',
  'sync.records-missing': 'Found records from another computer missing from the sync server',
  'sync.problem-acknowledged': 'Marked a sync problem as seen',
  'sync.set-up': 'Set up sync with the home’s server on this computer',
  'sync.connected-again': 'Connected this computer to the home’s server again',
  'sync.computer-added': 'Added a computer to the home’s computers',
  'sync.computer-removed': 'Removed a computer from the home’s computers',
  'sync.joined': 'This computer joined the home’s computers',
  'sync.code-cancelled': 'Cancelled a code for adding a computer',
  'sync.code-expired': 'A code for adding a computer expired before the computer joined',
  'sync.key-rotated': 'Gave the home’s computers a new sync key after removing one',
  'sync.key-granted': 'Gave a computer the home’s new sync key once it was on again',
  'sync.rekey-refused': 'Refused a new sync key not made by one of the home’s computers',
  'sync.stale-user-removed': 'Took a computer that never joined off the sync server',
};

export function auditActionLabel(action: string): string {
  return labels[action] ?? action;
}

/**
 * Headings for the action filter's groups, by the part of an action's code before the dot
 * (`contact-form.filed` is in "Contact forms"). An action whose part is not here goes under "Other".
 */
const groupLabels: Readonly<Record<string, string>> = {
  session: 'Signing in',
  account: 'Staff accounts',
  certificate: 'Staff accounts',
  handover: 'Staff accounts',
  'young-person': 'Young people and families',
  person: 'Young people and families',
  chronology: 'Young people and families',
  restriction: 'Contact restrictions',
  'contact-plan': 'Contact plans',
  visitor: 'Front door',
  'visiting-protocol': 'Front door',
  visit: 'Visits and rooms',
  room: 'Visits and rooms',
  'contact-form': 'Contact forms',
  'case-file': 'Contact forms',
  'form-action': 'Agreed actions',
  'pan-group': 'PAN groups and email alerts',
  outbox: 'PAN groups and email alerts',
  'mail-settings': 'PAN groups and email alerts',
  review: 'Termly review',
  declaration: 'Staff declarations',
  declarations: 'Staff declarations',
  disclosure: 'Copies and exports',
  audit: 'The audit log',
  home: 'The home and its settings',
  settings: 'The home and its settings',
  'academic-year': 'The home and its settings',
  file: 'The home and its settings',
  backup: 'Backups and retention',
  retention: 'Backups and retention',
  record: 'Records and their seals',
  records: 'Records and their seals',
  keys: 'Records and their seals',
  sync: 'Sync',
};

export type AuditActionGroup = {
  readonly label: string;
  readonly actions: readonly { readonly action: string; readonly label: string }[];
};

/** Every labelled action in groups, for the action filter: groups and their actions in alphabetical order. */
export function auditActionGroups(): AuditActionGroup[] {
  const groups = new Map<string, { action: string; label: string }[]>();
  for (const [action, label] of Object.entries(labels)) {
    const group = auditActionGroupLabel(action);
    groups.set(group, [...(groups.get(group) ?? []), { action, label }]);
  }
  return [...groups.entries()]
    .map(([label, actions]) => ({ label, actions: actions.sort((a, b) => a.label.localeCompare(b.label)) }))
    .sort((a, b) => (a.label === 'Other' ? 1 : b.label === 'Other' ? -1 : a.label.localeCompare(b.label)));
}

/** The filter group an action code falls in. */
export function auditActionGroupLabel(action: string): string {
  return groupLabels[action.split('.')[0] ?? ''] ?? 'Other';
}

/** What kind of record an entry is about, in words. */
const recordTypeLabels: Readonly<Record<string, string>> = {
  // Saves were written under the first, sync settling under the second: both are the same record.
  academicYear: 'Academic year',
  academicYears: 'Academic year',
  backup: 'Backup',
  contactForm: 'Contact form',
  contactPlan: 'Contact plan arrangement',
  declaration: 'Staff declaration',
  disclosure: 'Copy taken out of the app',
  formAction: 'Agreed action',
  mailSettings: 'Mail settings',
  outboxMessage: 'Email alert',
  panGroup: 'PAN group',
  person: 'Family member or friend',
  protocolAcceptance: 'Answer to the visiting protocol',
  restriction: 'Contact restriction',
  reviewSample: 'Sample of contact forms',
  room: 'Room',
  settings: 'Settings',
  staff: 'Staff account',
  syncDocument: 'Document on the sync server',
  syncProblem: 'Sync problem',
  syncComputer: 'One of the home’s computers',
  visit: 'Visit',
  visitorLog: 'Visitor register entry',
  visitingProtocol: 'Visiting protocol',
  youngPerson: 'Young person',
};

export function auditRecordTypeLabel(recordType: string): string {
  return recordTypeLabels[recordType] ?? recordType;
}
