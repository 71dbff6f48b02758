import { permittedForm, validForm } from './permitted-form';
import { fail, ok, type Failed, type Result } from '@shared/result';
import {
  isFamilyVisitor,
  latestAnswer,
  protocolAskAtSignIn,
  type ProtocolAsk,
} from '@shared/rules/visiting-protocol';
import {
  paragraphsFromText,
  protocolAcceptanceSchema,
  protocolAnswerSchema,
  visitingProtocolFormSchema,
  visitingProtocolSchema,
  type ProtocolAcceptance,
  type ProtocolStanding,
  type VisitingProtocol,
} from '@shared/schemas/visiting-protocol';
import type { FamilyLinksDb, ProtocolAcceptancePlainKey, VisitingProtocolPlainKey } from '../database';
import type { RecordCipher } from '../encryption/record-cipher';
import { recordWriter, type WriteStep } from '../record-writer';
import { createSealedCodec } from '../sealed-codec';
import { sealedStore } from '../sealed-store';
import type { Session } from '../session';
import type { AuditEventInput } from './audit-log-repository';
import { relationshipCodec } from './people-repository';

/**
 * The home's visiting protocol and each family visitor's answers to it (seed 004 §4: significant
 * people know the protocols about visiting). Sealed under the door key: everyone at the door must
 * be able to show it and see who has accepted it.
 */
export const visitingProtocolCodec = createSealedCodec('visitingProtocols', visitingProtocolSchema, [
  'id',
  'version',
  'publishedAt',
] satisfies VisitingProtocolPlainKey[]);

export const protocolAcceptanceCodec = createSealedCodec('protocolAcceptances', protocolAcceptanceSchema, [
  'id',
  'personId',
  'at',
] satisfies ProtocolAcceptancePlainKey[]);

export type VisitingProtocolError = 'forbidden' | 'invalid' | 'unchanged' | 'changed';
export type ProtocolAtSignInError = 'needs-protocol' | 'invalid' | 'changed';

const protocolChanged = (): Failed<'changed'> =>
  fail('changed', 'The visiting protocol was changed a moment ago. Read the new version and try again.');

/** The latest published version's number, read by index without opening any row. */
async function currentVersionNumber(db: FamilyLinksDb): Promise<number | undefined> {
  return (await db.visitingProtocols.orderBy('version').last())?.version;
}

/** The published version with that number, opened. */
async function versionNumbered(db: FamilyLinksDb, cipher: RecordCipher, version: number) {
  const row = await db.visitingProtocols.where('version').equals(version).first();
  return row ? visitingProtocolCodec.decode(row, cipher) : undefined;
}

/** A person's answers, latest first. */
async function answersOf(db: FamilyLinksDb, cipher: RecordCipher, personId: string) {
  const rows = await db.protocolAcceptances.where('personId').equals(personId).toArray();
  const answers = await sealedStore(db.protocolAcceptances, protocolAcceptanceCodec).open(rows, cipher);
  return answers.sort((a, b) => (a.at < b.at ? 1 : -1));
}

/** Whether the door must ask this person now, worked out from the register's own records. */
async function askFor(
  db: FamilyLinksDb,
  cipher: RecordCipher,
  personId: string | undefined,
): Promise<ProtocolAsk> {
  const currentVersion = await currentVersionNumber(db);
  if (currentVersion === undefined) return { kind: 'noProtocol' };
  if (!personId) return { kind: 'notFamily' };
  const links = await sealedStore(db.relationships, relationshipCodec).open(
    await db.relationships.where('personId').equals(personId).toArray(),
    cipher,
  );
  return protocolAskAtSignIn({
    currentVersion,
    isFamilyVisitor: isFamilyVisitor(links),
    last: latestAnswer(await answersOf(db, cipher, personId)),
  });
}

/** What a sign-in adds for the protocol: the answer's row and audit entry, and the standing for the entry. */
export type ProtocolSignInPart = {
  readonly writes: readonly WriteStep[];
  readonly events: readonly AuditEventInput[];
  readonly standing: ProtocolStanding | undefined;
  /** Inside the transaction: the protocol must still be the version asked about. */
  readonly check: () => Promise<Failed<'changed'> | undefined>;
};

/**
 * For a visitor being signed in: if they must be asked and no answer came with the form, a refusal
 * the door shows (`needs-protocol`); otherwise the answer to record with the sign-in, and where
 * they stand for the register entry (an earlier acceptance of the current version included).
 */
export async function protocolAtSignIn(
  db: FamilyLinksDb,
  session: Session,
  visitor: { readonly personId?: string | undefined; readonly protocolAnswer?: unknown },
  entryId: string,
  now: Date,
): Promise<Result<ProtocolSignInPart, ProtocolAtSignInError>> {
  const ask = await askFor(db, session.cipher, visitor.personId);
  const currentVersion = ask.kind === 'ask' ? ask.version : await currentVersionNumber(db);
  const check = async () =>
    (await currentVersionNumber(db)) === currentVersion ? undefined : protocolChanged();
  if (ask.kind === 'noProtocol' || ask.kind === 'notFamily')
    return ok({ writes: [], events: [], standing: undefined, check });
  if (ask.kind === 'accepted')
    return ok({ writes: [], events: [], standing: { ...ask.answer, isNew: false }, check });
  if (visitor.protocolAnswer === undefined)
    return fail(
      'needs-protocol',
      `Go through version ${ask.version} of the visiting protocol with them first: they sign it, you read it to them, or record that they declined.`,
    );
  const parsed = validForm(
    protocolAnswerSchema,
    visitor.protocolAnswer,
    'The visiting protocol’s answer needs correcting.',
  );
  if (!parsed.ok) return parsed;
  const answer = parsed.value;
  if (answer.version !== ask.version) return protocolChanged();
  // Who took the signature, or recorded a refusal, is the person signed in; reading it to them may be anyone on shift.
  const staffId = answer.outcome === 'readToThem' ? answer.staffId : session.staff.id;
  const acceptance: ProtocolAcceptance = protocolAcceptanceSchema.parse({
    id: crypto.randomUUID(),
    personId: visitor.personId,
    at: now.toISOString(),
    version: answer.version,
    outcome: answer.outcome,
    staffId,
    visitorEntryId: entryId,
    ...(answer.outcome === 'signed' ? { signature: answer.signature } : {}),
  });
  const detail =
    answer.outcome === 'signed'
      ? `version ${answer.version}; signed on screen (${answer.signature.strokeCount} strokes)`
      : answer.outcome === 'readToThem'
        ? `version ${answer.version}; read to them by staff ${staffId}`
        : `version ${answer.version}; declined`;
  return ok({
    writes: [sealedStore(db.protocolAcceptances, protocolAcceptanceCodec).insert(acceptance)],
    events: [
      {
        action: answer.outcome === 'declined' ? 'visiting-protocol.declined' : 'visiting-protocol.accepted',
        recordType: 'protocolAcceptance',
        recordId: acceptance.id,
        detail: `${detail}; register entry ${entryId}`,
      },
    ],
    standing: {
      version: acceptance.version,
      outcome: acceptance.outcome,
      at: acceptance.at,
      staffId,
      isNew: true,
    },
    check,
  });
}

export function visitingProtocolRepository(db: FamilyLinksDb, clock: () => Date = () => new Date()) {
  const versions = sealedStore(db.visitingProtocols, visitingProtocolCodec);
  return {
    /** The version in force (the highest), or undefined before the manager has published one. */
    async current(session: Session): Promise<VisitingProtocol | undefined> {
      const number = await currentVersionNumber(db);
      return number === undefined ? undefined : versionNumbered(db, session.cipher, number);
    },

    /** One version by number: what a visitor accepted, for their copy. */
    version: (session: Session, version: number) => versionNumbered(db, session.cipher, version),

    /** Every version, newest first (earlier versions are kept and can be read again). */
    async all(session: Session): Promise<VisitingProtocol[]> {
      const rows = await db.visitingProtocols.orderBy('version').reverse().toArray();
      return versions.open(rows, session.cipher);
    },

    /** Whether the door must ask this person at this sign-in. */
    askFor: (session: Session, personId: string | undefined) => askFor(db, session.cipher, personId),

    /** A person's answers, latest first. */
    answersOf: (session: Session, personId: string) => answersOf(db, session.cipher, personId),

    /** Each person's latest answer, for the people register (one read of the whole, small, table). */
    async latestAnswers(session: Session): Promise<ReadonlyMap<string, ProtocolAcceptance>> {
      const answers = await sealedStore(db.protocolAcceptances, protocolAcceptanceCodec).all(session.cipher);
      const latest = new Map<string, ProtocolAcceptance>();
      for (const answer of answers) {
        const seen = latest.get(answer.personId);
        if (!seen || answer.at > seen.at) latest.set(answer.personId, answer);
      }
      return latest;
    },

    /**
     * Publishes the text as the next version (the Registered Manager only). Earlier versions stay
     * as they were; every family visitor is asked again at their next sign-in.
     */
    async publish(
      session: Session,
      input: unknown,
    ): Promise<Result<VisitingProtocol, VisitingProtocolError>> {
      const form = permittedForm(
        session,
        'settings:manage',
        'Only the Registered Manager can publish the visiting protocol.',
        visitingProtocolFormSchema,
        input,
      );
      if (!form.ok) return form;
      const paragraphs = paragraphsFromText(form.value.text);
      const latest = await currentVersionNumber(db);
      if (latest !== undefined) {
        const current = await versionNumbered(db, session.cipher, latest);
        if (current && current.paragraphs.join('\n\n') === paragraphs.join('\n\n'))
          return fail(
            'unchanged',
            `This is the same as version ${latest}. Change the text to publish a new version.`,
            {
              text: `This is the same as version ${latest}.`,
            },
          );
      }
      const now = clock();
      const parsed = visitingProtocolSchema.safeParse({
        id: crypto.randomUUID(),
        version: (latest ?? 0) + 1,
        paragraphs,
        publishedAt: now.toISOString(),
        publishedById: session.staff.id,
      });
      if (!parsed.success)
        return fail('invalid', 'Some details need correcting.', {
          text: parsed.error.issues[0]?.message ?? '',
        });
      const protocol = parsed.data;
      const saved = await recordWriter(db, clock).write<VisitingProtocolError>(session, {
        at: now,
        events: [
          {
            action: 'visiting-protocol.published',
            recordType: 'visitingProtocol',
            recordId: protocol.id,
            detail: `version ${protocol.version}; ${paragraphs.length} paragraphs`,
          },
        ],
        writes: [versions.insert(protocol)],
        reads: [db.visitingProtocols],
        async check() {
          return (await currentVersionNumber(db)) === latest ? undefined : protocolChanged();
        },
      });
      return saved.ok ? ok(protocol) : saved;
    },
  };
}
