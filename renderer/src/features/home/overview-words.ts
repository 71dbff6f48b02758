import type { AttentionKind, SetUpGap, SetUpStep } from '@shared/rules/home-overview';
import { backupGapDays, overviewWeekDays, reviewDueWithinDays } from '@shared/rules/home-overview';
import { formatUkDate } from '@shared/format-dates';
import { calendarDateOf } from '@shared/home-time';
import { hashFor } from '../../common/routes';

/** "visitor" or "visitors", as `count` needs. */
function noun(count: number, one: string, many: string): string {
  return count === 1 ? one : many;
}

/** "1 visitor", "3 visitors". */
function counted(count: number, one: string, many: string): string {
  return `${count} ${noun(count, one, many)}`;
}

/** Where each count leads (the records behind it), and the words that say what it counts. */
export const attentionWords: Readonly<
  Record<AttentionKind, { readonly label: (count: number) => string; readonly href: string }>
> = {
  formsOverdue: {
    label: (n) => `${noun(n, 'contact form', 'contact forms')} overdue, all staff`,
    href: hashFor('contact-forms', 'overdue'),
  },
  formsDueToday: {
    label: (n) => `${noun(n, 'contact form', 'contact forms')} due by midnight`,
    href: hashFor('contact-forms', 'due'),
  },
  turnedAwayToday: {
    label: (n) => `${noun(n, 'visitor', 'visitors')} turned away today`,
    href: hashFor('register'),
  },
  turnedAwayThisWeek: {
    label: (n) => `${noun(n, 'visitor', 'visitors')} turned away in the last ${overviewWeekDays} days`,
    href: hashFor('home', 'turned-away'),
  },
  overridesToday: {
    label: (n) => `${noun(n, 'restriction', 'restrictions')} overridden at the door today`,
    href: hashFor('register'),
  },
  overridesThisWeek: {
    label: (n) =>
      `${noun(n, 'restriction', 'restrictions')} overridden at the door in the last ${overviewWeekDays} days`,
    href: hashFor('home', 'door'),
  },
  restrictedOnSite: {
    label: (n) => `${noun(n, 'visitor', 'visitors')} with a restriction on site now`,
    href: hashFor('door'),
  },
  restrictionsAwaitingApproval: {
    label: (n) => `${noun(n, 'restriction', 'restrictions')} waiting for your approval`,
    href: hashFor('home', 'restrictions'),
  },
  restrictionsDueForReview: {
    label: (n) =>
      `${noun(n, 'restriction', 'restrictions')} due for review in the next ${reviewDueWithinDays} days`,
    href: hashFor('home', 'restrictions'),
  },
  restrictionsLapsed: {
    label: (n) => `${noun(n, 'restriction', 'restrictions')} lapsed but not ended`,
    href: hashFor('home', 'restrictions'),
  },
  changedOnTwoComputers: {
    label: (n) => `${noun(n, 'record', 'records')} changed on two computers at once`,
    href: hashFor('home', 'sync-conflicts'),
  },
  syncProblems: {
    label: (n) => `${noun(n, 'sync problem', 'sync problems')} to look at`,
    href: hashFor('home', 'sync-problems'),
  },
  declarationsNeedingAttention: {
    label: (n) => `${noun(n, 'staff declaration', 'staff declarations')} to look at`,
    href: hashFor('home', 'declarations'),
  },
  outboxFailed: {
    label: (n) => `${noun(n, 'alert', 'alerts')} could not be sent`,
    href: hashFor('outbox'),
  },
  outboxStuck: {
    label: (n) => `${noun(n, 'alert', 'alerts')} waiting over an hour to be sent`,
    href: hashFor('outbox'),
  },
};

/** A gap in the set-up: what is wrong, why it matters, and the screen that puts it right. */
export function gapWords(
  gap: SetUpGap,
  timeZone: string,
): { readonly text: string; readonly href: string; readonly action: string } {
  switch (gap.kind) {
    case 'noCaseFileFolder':
      return {
        text: 'No case-file folder: signed copies of contact forms have nowhere to go.',
        href: hashFor('case-file'),
        action: 'Choose the case-file folder',
      };
    case 'caseFileFolderUnreachable':
      return {
        text: 'The case-file folder cannot be reached: signed copies wait until it can.',
        href: hashFor('case-file'),
        action: 'Check the case-file folder',
      };
    case 'noMailSettings':
      return {
        text: 'No mail settings: alerts wait in the outbox and nobody is told.',
        href: hashFor('mail-settings'),
        action: 'Set up mail',
      };
    case 'noRecentBackup':
      return {
        text:
          gap.lastBackupAt === undefined
            ? 'No backup has been made yet.'
            : `No backup in the last ${backupGapDays} days: the last was on ${formatUkDate(calendarDateOf(gap.lastBackupAt, timeZone))}.`,
        href: hashFor('backups'),
        action: 'Make a backup',
      };
    case 'noTermDatesToday':
      return {
        text: 'No term dates for today: termly figures cannot count this term.',
        href: hashFor('calendar'),
        action: 'Enter the term dates',
      };
    case 'foreignAuthority':
      return {
        text: 'This computer has been made to trust a certificate authority that is not the home’s, so manager-only changes made here are refused, and someone else’s may be accepted. Do not change settings here. Ask IT to check this computer and remove home-authority.json from the Family Links folder, then renew your certificate.',
        href: hashFor('staff'),
        action: 'Go to Staff accounts',
      };
    case 'authorityUnverifiable':
      return {
        text: 'This computer’s record of the home’s certificate authority was changed outside Family Links, so manager-only changes cannot be checked here. Ask IT to check this computer.',
        href: hashFor('audit'),
        action: 'Look at the audit log',
      };
    case 'authorityNotKnown':
      return {
        text: 'This computer does not know the home’s certificate authority yet, so changes only a manager may make (settings, sync, mail, backups) are refused here. Renew your own certificate once on Staff accounts, and they go through.',
        href: hashFor('staff'),
        action: 'Go to Staff accounts',
      };
    case 'staffWithoutCertificate':
      return {
        text: `${counted(gap.count, 'member of staff has', 'members of staff have')} no signing certificate they can use, so cannot sign contact forms.`,
        href: hashFor('staff'),
        action: 'Go to Staff accounts',
      };
    default: {
      const unreachable: never = gap;
      return unreachable;
    }
  }
}

/** The set-up checklist's steps, in the order a new home does them. */
export const setUpStepWords: Readonly<Record<SetUpStep, { readonly text: string; readonly href: string }>> = {
  termDates: { text: 'Enter the term dates', href: hashFor('calendar') },
  staff: { text: 'Add staff accounts', href: hashFor('staff') },
  youngPeople: { text: 'Add the young people', href: hashFor('young-people') },
  rooms: { text: 'Add the rooms used for visits', href: hashFor('rooms') },
  caseFileFolder: { text: 'Choose the case-file folder', href: hashFor('case-file') },
  mail: { text: 'Set up mail for alerts', href: hashFor('mail-settings') },
  backups: { text: 'Make the first backup', href: hashFor('backups') },
};
