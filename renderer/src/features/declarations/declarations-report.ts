import type { ReportContent } from '@shared/ipc/channels/documents';
import { formatUkDate } from '@shared/format-dates';
import { calendarDateOf } from '@shared/home-time';
import { declarationAttention } from '@shared/rules/declaration-attention';
import { declarationKindLabels, type Declaration } from '@shared/schemas/declarations';
import { staffRoleLabels, type StaffMember } from '@shared/schemas/staff';
import { declarationStateText } from './declaration-state-text';

/**
 * One staff member's declarations as a signed report for their staff file (seeds 000-002):
 * a summary, a table of every declaration, then each in full with the manager's review. Oldest
 * first, as a file is read. Pure: the screen passes what it has already been allowed to see.
 */
export function declarationsReport(input: {
  readonly homeName: string;
  readonly member: Pick<StaffMember, 'name' | 'roles'>;
  readonly declarations: readonly Declaration[];
  readonly staffName: (id: string) => string;
  readonly signedBy: Pick<StaffMember, 'name' | 'roles'>;
  readonly signedAt: string;
  readonly today: string;
  readonly timeZone: string;
}): ReportContent {
  const declarations = [...input.declarations].sort((a, b) =>
    a.happenedOn < b.happenedOn ? -1 : a.happenedOn > b.happenedOn ? 1 : a.recordedAt < b.recordedAt ? -1 : 1,
  );
  const stateOf = (declaration: Declaration) =>
    declarationStateText(declarationAttention(declaration, input.today));
  const waiting = declarations.filter((declaration) => declaration.status !== 'closed').length;
  const roles = (member: Pick<StaffMember, 'roles'>) =>
    member.roles.map((role) => staffRoleLabels[role]).join(', ');
  return {
    homeName: input.homeName,
    title: `Staff declarations: ${input.member.name}`,
    subtitle: `${input.homeName} · for the staff file · as at ${formatUkDate(input.today)}`,
    reference: `Declarations · ${input.member.name}`,
    footer: 'Staff file · Confidential',
    sections: [
      {
        heading: 'Summary',
        blocks: [
          {
            kind: 'fields',
            rows: [
              { label: 'Member of staff', value: input.member.name },
              { label: 'Role', value: roles(input.member) },
              { label: 'Declarations', value: String(declarations.length) },
              {
                label: 'Still open',
                value: waiting === 0 ? 'None' : `${waiting} (not yet discussed with an outcome)`,
                isWarning: waiting > 0,
              },
            ],
          },
          {
            kind: 'paragraph',
            isQuiet: true,
            text: 'Staff declare gifts, contact with former care leavers, approaches for private work and other boundary matters to their line manager, who records them in supervision.',
          },
        ],
      },
      {
        heading: 'All declarations',
        blocks: [
          {
            kind: 'table',
            columns: ['Date', 'What was declared', 'Where it stands'],
            rows: declarations.map((declaration) => [
              formatUkDate(declaration.happenedOn),
              declarationKindLabels[declaration.kind],
              stateOf(declaration),
            ]),
            emptyText: `${input.member.name} has made no declarations.`,
          },
        ],
      },
      ...declarations.map((declaration, index) => ({
        heading: `${index + 1}. ${formatUkDate(declaration.happenedOn)} · ${declarationKindLabels[declaration.kind]}`,
        blocks: [
          {
            kind: 'fields' as const,
            rows: [
              {
                label: 'Recorded',
                value: formatUkDate(calendarDateOf(declaration.recordedAt, input.timeZone)),
              },
              { label: 'Who was involved', value: declaration.whoWasInvolved || 'Not recorded' },
              { label: 'Line manager', value: input.staffName(declaration.lineManagerId) },
            ],
          },
          { kind: 'paragraph' as const, text: declaration.whatHappened },
          {
            kind: 'fields' as const,
            rows: [
              { label: 'Review', value: stateOf(declaration), isWarning: declaration.status !== 'closed' },
              ...(declaration.reviewedById
                ? [
                    {
                      label: 'Noted by',
                      value: `${input.staffName(declaration.reviewedById)}${declaration.reviewedAt ? ` on ${formatUkDate(calendarDateOf(declaration.reviewedAt, input.timeZone))}` : ''}`,
                    },
                  ]
                : []),
              ...(declaration.supervisionOn
                ? [{ label: 'Supervision', value: formatUkDate(declaration.supervisionOn) }]
                : []),
              ...(declaration.outcome ? [{ label: 'Outcome', value: declaration.outcome }] : []),
              ...(declaration.action ? [{ label: 'Action', value: declaration.action }] : []),
            ],
          },
        ],
      })),
    ],
    signedBy: { name: input.signedBy.name, role: roles(input.signedBy) },
    signedAt: input.signedAt,
    timeZone: input.timeZone,
  };
}

/** "declarations-siobhan-oneill-2026-11-29.pdf" */
export function declarationsFileName(name: string, today: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return `declarations-${slug || 'staff'}-${today}.pdf`;
}
