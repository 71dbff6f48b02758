import type { PanEvent, PanGroup, PanTopic } from '../schemas/pan';

/** Which choice on the PAN group screen covers an event (a visit "booked or cancelled" is one choice). */
export function panTopicOf(event: PanEvent): PanTopic {
  switch (event) {
    case 'formFiled':
      return 'formFiled';
    case 'safeguardingConcern':
      return 'safeguardingConcern';
    case 'visitBooked':
    case 'visitCancelled':
      return 'visitBookedOrCancelled';
    case 'restrictionAdded':
    case 'restrictionChanged':
    case 'restrictionEnded':
      return 'restrictionChanged';
    case 'formOverdue':
      return 'formOverdue';
    case 'visitorTurnedAway':
      return 'visitorTurnedAway';
    case 'unbookedFamilyVisit':
      return 'unbookedFamilyVisit';
    default: {
      const unreachable: never = event;
      return unreachable;
    }
  }
}

/** What the rule needs to know about a staff account. */
export type PanStaffAccount = {
  readonly id: string;
  readonly name: string;
  readonly email: string;
  readonly isActive: boolean;
  readonly roleLabel: string;
  /** Holds the Registered Manager role: one of those who may be the duty manager. */
  readonly isRegisteredManager?: boolean;
};

/**
 * Events the duty manager hears about whoever is in the group (DESIGN rule 6: "a person turned
 * away is recorded too"; the restriction register's "speak to the duty manager"), as well as the
 * young person's PT. The app keeps no rota, so "the duty manager" is every active Registered
 * Manager account.
 */
const dutyManagerEvents: ReadonlySet<PanEvent> = new Set(['visitorTurnedAway']);

export type PanRecipient = {
  readonly name: string;
  readonly role: string;
  readonly email: string;
  /** Why this person is told: the PT always is; the duty manager for some events; others because they asked. */
  readonly because: 'personalTutor' | 'dutyManager' | 'asked';
  /**
   * Who this is by id alone (`staff:` an account, `member:` a PAN group member outside the home):
   * the same on every computer, and nothing personal, so an alert's message to them can be named
   * from it (`alertMessageId`).
   */
  readonly key: string;
};

export type PanRecipientsOutcome = {
  readonly recipients: readonly PanRecipient[];
  /** Members who asked but cannot be told (an account switched off or gone), so a screen can say so. */
  readonly skipped: readonly {
    readonly memberId: string;
    readonly reason: 'inactive-account' | 'unknown-account';
  }[];
  /** True when the young person has no PT recorded: nobody is told by default. */
  readonly hasNoPersonalTutor: boolean;
};

/**
 * Who hears about an event for one young person (DESIGN: "the PT is alerted ...; the PAN group
 * members who asked for it are alerted too"); the PT is in every group without being listed.
 *
 * - The young person's PT hears about every event, whether or not they are listed in the group.
 * - The duty manager (every active Registered Manager) hears about a visitor turned away at the door.
 * - Every other member hears about the events whose topic they ticked.
 * - A staff member is reached at their account's email; an account switched off hears nothing.
 * - Each address is told once (the same adult listed twice gets one message).
 */
export function panRecipients(input: {
  readonly event: PanEvent;
  readonly group: Pick<PanGroup, 'members'> | undefined;
  readonly personalTutorId: string | undefined;
  readonly staff: ReadonlyMap<string, PanStaffAccount>;
}): PanRecipientsOutcome {
  const topic = panTopicOf(input.event);
  const recipients: PanRecipient[] = [];
  const skipped: { memberId: string; reason: 'inactive-account' | 'unknown-account' }[] = [];
  const seen = new Set<string>();
  const add = (recipient: PanRecipient) => {
    const key = recipient.email.trim().toLowerCase();
    if (seen.has(key)) return;
    seen.add(key);
    recipients.push(recipient);
  };

  const tutor = input.personalTutorId ? input.staff.get(input.personalTutorId) : undefined;
  if (tutor?.isActive)
    add({
      name: tutor.name,
      role: 'Personal Tutor',
      email: tutor.email,
      because: 'personalTutor',
      key: `staff:${tutor.id}`,
    });
  if (dutyManagerEvents.has(input.event)) {
    for (const account of input.staff.values()) {
      if (account.isActive && account.isRegisteredManager)
        add({
          name: account.name,
          role: 'Duty manager',
          email: account.email,
          because: 'dutyManager',
          key: `staff:${account.id}`,
        });
    }
  }

  for (const member of input.group?.members ?? []) {
    if (!member.topics.includes(topic)) continue;
    if (member.kind === 'outside') {
      add({
        name: member.name,
        role: member.role,
        email: member.email,
        because: 'asked',
        key: `member:${member.id}`,
      });
      continue;
    }
    if (member.staffId === input.personalTutorId) continue;
    const account = input.staff.get(member.staffId);
    if (!account) {
      skipped.push({ memberId: member.id, reason: 'unknown-account' });
      continue;
    }
    if (!account.isActive) {
      skipped.push({ memberId: member.id, reason: 'inactive-account' });
      continue;
    }
    add({
      name: account.name,
      role: account.roleLabel,
      email: account.email,
      because: 'asked',
      key: `staff:${account.id}`,
    });
  }
  return { recipients, skipped, hasNoPersonalTutor: !tutor?.isActive };
}
