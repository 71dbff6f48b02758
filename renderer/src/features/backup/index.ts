// Backups' public entry: the home screen reminds the manager when one is due.
export { BackupReminderPanel } from './BackupReminderPanel';
