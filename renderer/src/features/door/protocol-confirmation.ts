import type { ProtocolStanding } from '@shared/schemas/visiting-protocol';

/**
 * What the sign-in's confirmation adds about the visiting protocol when it was answered just now:
 * a refusal said plainly, with who decides what it means (the Registered Manager).
 */
export function protocolConfirmation(
  standing: ProtocolStanding | undefined,
  staffName: (id: string) => string,
): string {
  if (!standing?.isNew) return '';
  switch (standing.outcome) {
    case 'signed':
      return ` They signed version ${standing.version} of the visiting protocol.`;
    case 'readToThem':
      return ` Version ${standing.version} of the visiting protocol was read to them by ${staffName(standing.staffId)}.`;
    case 'declined':
      return ` They declined version ${standing.version} of the visiting protocol: tell the duty manager, who decides what that means for their visits.`;
    default: {
      const unreachable: never = standing.outcome;
      return unreachable;
    }
  }
}
