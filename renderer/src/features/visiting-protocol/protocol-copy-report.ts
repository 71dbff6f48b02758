import type { ReportContent } from '@shared/ipc/channels/documents';
import { formatUkDate } from '@shared/format-dates';
import { calendarDateOf } from '@shared/home-time';
import { protocolAnswerText } from '@shared/rules/visiting-protocol';
import type { ProtocolAcceptance, VisitingProtocol } from '@shared/schemas/visiting-protocol';
import { staffRoleLabels, type StaffMember } from '@shared/schemas/staff';

/**
 * A visitor's own copy of the visiting protocol (seed 004 §4): the version they answered, and how
 * and when they answered it, as a signed report. Pure: the screen passes what it has read.
 */
export function protocolCopyReport(input: {
  readonly homeName: string;
  readonly personName: string;
  readonly protocol: VisitingProtocol;
  readonly answer: ProtocolAcceptance;
  readonly staffName: (id: string) => string;
  readonly signedBy: Pick<StaffMember, 'name' | 'roles'>;
  readonly signedAt: string;
  readonly timeZone: string;
}): ReportContent {
  const { protocol, answer } = input;
  return {
    homeName: input.homeName,
    title: `Visiting protocol, version ${protocol.version}`,
    subtitle: `${input.homeName} · a copy for ${input.personName}`,
    reference: `Visiting protocol · version ${protocol.version}`,
    footer: 'A copy for the visitor',
    sections: [
      {
        heading: 'Your answer',
        blocks: [
          {
            kind: 'fields',
            rows: [
              { label: 'Visitor', value: input.personName },
              { label: 'Version', value: String(protocol.version) },
              {
                label: 'Published',
                value: formatUkDate(calendarDateOf(protocol.publishedAt, input.timeZone)),
              },
              {
                label: 'Answer',
                value: protocolAnswerText(answer, input.staffName(answer.staffId), input.timeZone),
                isWarning: answer.outcome === 'declined',
              },
            ],
          },
        ],
      },
      {
        heading: 'The protocol',
        blocks: protocol.paragraphs.map((text) => ({ kind: 'paragraph' as const, text })),
      },
    ],
    signedBy: {
      name: input.signedBy.name,
      role: input.signedBy.roles.map((role) => staffRoleLabels[role]).join(', '),
    },
    signedAt: input.signedAt,
    timeZone: input.timeZone,
  };
}

/** "visiting-protocol-v2-dawn-hughes.pdf": letters, digits and dashes only. */
export function protocolCopyFileName(personName: string, version: number): string {
  const name = personName
    .normalize('NFKD')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .toLowerCase();
  return `visiting-protocol-v${version}${name ? `-${name}` : ''}.pdf`.slice(0, 120);
}
