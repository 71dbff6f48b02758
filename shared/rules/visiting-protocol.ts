import { formatUkDate } from '../format-dates';
import { calendarDateOf } from '../home-time';
import type { Relationship } from '../schemas/people';
import type { ProtocolOutcome, ProtocolStanding } from '../schemas/visiting-protocol';

/**
 * Seed 004 §4: "significant people know the protocols about visiting". A family visitor (family
 * or a significant person from the people register) is asked to accept the home's visiting
 * protocol at their first sign-in and again whenever a newer version has been published.
 */

/** A visitor's latest answer, as the rule needs it. */
export type ProtocolAnswerSeen = Pick<ProtocolStanding, 'version' | 'outcome' | 'at' | 'staffId'>;

export type ProtocolAsk =
  /** The manager has not published a protocol yet: nothing to ask. */
  | { readonly kind: 'noProtocol' }
  /** Not someone from the people register as family or a significant person (a contractor, a professional). */
  | { readonly kind: 'notFamily' }
  /** They accepted the current version (signed, or had it read to them). */
  | { readonly kind: 'accepted'; readonly answer: ProtocolAnswerSeen }
  /** Ask now: never answered, accepted an older version, or declined last time. */
  | {
      readonly kind: 'ask';
      readonly version: number;
      readonly reason: 'neverAccepted' | 'olderVersion' | 'declined';
      readonly last: ProtocolAnswerSeen | undefined;
    };

/**
 * Family or significant people: anyone the register links to a young person other than as a
 * professional. Someone not in the register, or only a professional, is not asked.
 */
export function isFamilyVisitor(relationships: readonly Pick<Relationship, 'category'>[]): boolean {
  return relationships.some((link) => link.category !== 'professional');
}

/** The answer given last (the latest `at`); undefined when there is none. */
export function latestAnswer<Answer extends Pick<ProtocolAnswerSeen, 'at'>>(
  answers: readonly Answer[],
): Answer | undefined {
  let latest: Answer | undefined;
  for (const answer of answers) if (!latest || answer.at > latest.at) latest = answer;
  return latest;
}

/**
 * Whether this visitor must be asked to accept the protocol at this sign-in. A refusal does not
 * stop them being signed in (the door records it and the manager decides what it means), but it
 * is not an acceptance: they are asked again next time.
 */
export function protocolAskAtSignIn(input: {
  readonly currentVersion: number | undefined;
  readonly isFamilyVisitor: boolean;
  readonly last: ProtocolAnswerSeen | undefined;
}): ProtocolAsk {
  const { currentVersion, last } = input;
  if (currentVersion === undefined) return { kind: 'noProtocol' };
  if (!input.isFamilyVisitor) return { kind: 'notFamily' };
  if (!last) return { kind: 'ask', version: currentVersion, reason: 'neverAccepted', last };
  if (last.outcome === 'declined') return { kind: 'ask', version: currentVersion, reason: 'declined', last };
  if (last.version < currentVersion)
    return { kind: 'ask', version: currentVersion, reason: 'olderVersion', last };
  return { kind: 'accepted', answer: last };
}

/** Why the door is asking, in the words staff say to the visitor. */
export function protocolAskReasonText(ask: Extract<ProtocolAsk, { kind: 'ask' }>): string {
  switch (ask.reason) {
    case 'neverAccepted':
      return 'This is their first visit since the home’s visiting protocol was written: go through it with them now.';
    case 'olderVersion':
      return `They accepted version ${ask.last?.version ?? ''} of the visiting protocol; it has changed since. Go through version ${ask.version} with them now.`;
    case 'declined':
      return `Last time they declined the visiting protocol. Ask them again about version ${ask.version}.`;
    default: {
      const unreachable: never = ask.reason;
      return unreachable;
    }
  }
}

const outcomeWords = (outcome: ProtocolOutcome, staffName: string): string => {
  switch (outcome) {
    case 'signed':
      return 'signed';
    case 'readToThem':
      return `read to them by ${staffName}`;
    case 'declined':
      return `recorded by ${staffName}`;
    default: {
      const unreachable: never = outcome;
      return unreachable;
    }
  }
};

/**
 * "Accepted version 3 on 4 Dec 2026, signed", "Accepted version 2 on 5 Dec 2026, read to them by
 * Sam Patel", "Declined version 2 on 5 Dec 2026, recorded by Sam Patel": the date on the home's clock.
 */
export function protocolAnswerText(answer: ProtocolAnswerSeen, staffName: string, timeZone: string): string {
  const on = formatUkDate(calendarDateOf(answer.at, timeZone));
  const verb = answer.outcome === 'declined' ? 'Declined' : 'Accepted';
  return `${verb} version ${answer.version} on ${on}, ${outcomeWords(answer.outcome, staffName)}`;
}
