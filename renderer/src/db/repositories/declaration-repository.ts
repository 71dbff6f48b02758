import {
  declarationFormSchema,
  declarationReviewSchema,
  declarationSchema,
  type Declaration,
} from '@shared/schemas/declarations';
import { can, declarationScope } from '@shared/rules/access';
import {
  declarationAttention,
  needsManagerAttention,
  type DeclarationAttention,
} from '@shared/rules/declaration-attention';
import { fieldMessages } from '@shared/ipc/ipc-result';
import { fail, ok, type Failure, type Result } from '@shared/result';
import type { DeclarationPlainKey, FamilyLinksDb } from '../database';
import { createSealedCodec } from '../sealed-codec';
import { sealedStore } from '../sealed-store';
import type { Session } from '../session';
import { auditLog } from './audit-log-repository';
import { Refusal } from './refusal';

export const declarationCodec = createSealedCodec('declarations', declarationSchema, [
  'id',
  'staffId',
  'recordedAt',
  'status',
] satisfies DeclarationPlainKey[]);

export type DeclarationError = 'forbidden' | 'invalid' | 'not-found';

export type DeclarationNeedingAttention = {
  readonly declaration: Declaration;
  readonly attention: DeclarationAttention;
};

/**
 * Staff declarations (boundaries policies, seeds 000-002; DESIGN rule 8). Need to know is kept
 * here, not in the screens: every read goes through `declarationScope`, so a member of staff gets
 * only their own, whichever method they call, and only the manager gets everyone's.
 */
export function declarationRepository(db: FamilyLinksDb, clock: () => Date = () => new Date()) {
  const store = sealedStore(db.declarations, declarationCodec);
  const audit = auditLog(db);
  const auditor = (session: Session) => ({ actorId: session.staff.id, auditKey: session.auditKey });

  /** The rows this person may read, newest first, before they are opened. */
  async function visibleRows(session: Session) {
    const scope = declarationScope(session.roles);
    switch (scope.kind) {
      case 'all':
        return db.declarations.orderBy('recordedAt').reverse().toArray();
      case 'own':
        return (
          await db.declarations.where('staffId').equals(session.staff.id).sortBy('recordedAt')
        ).reverse();
      case 'none':
        return [];
      default: {
        const unreachable: never = scope;
        return unreachable;
      }
    }
  }

  function mayRead(session: Session, declaration: Pick<Declaration, 'staffId'>): boolean {
    const scope = declarationScope(session.roles);
    return scope.kind === 'all' || (scope.kind === 'own' && declaration.staffId === session.staff.id);
  }

  return {
    /** A member of staff declares something of their own, to their line manager. */
    async recordOwn(session: Session, input: unknown): Promise<Result<Declaration, DeclarationError>> {
      if (!can(session.roles, 'declaration:record-own'))
        return fail('forbidden', 'Your account cannot make declarations. Ask the manager.');
      const form = declarationFormSchema.safeParse(input);
      if (!form.success) return fail('invalid', 'Some details need correcting.', fieldMessages(form.error));
      const now = clock();
      const declaration = declarationSchema.parse({
        ...form.data,
        id: crypto.randomUUID(),
        staffId: session.staff.id,
        recordedAt: now.toISOString(),
        status: 'open',
      });
      const [row] = await store.seal([declaration], session.cipher);
      if (!row) throw new Error('Sealing returned nothing');
      await audit.write(
        auditor(session),
        [
          {
            action: 'declaration.recorded',
            recordType: 'declaration',
            recordId: declaration.id,
            detail: declaration.kind,
          },
        ],
        [db.declarations],
        async () => {
          await db.declarations.add(row);
        },
        now,
      );
      return ok(declaration);
    },

    /** Newest first: the person's own, or, for the manager, everyone's. */
    async listVisible(session: Session): Promise<Declaration[]> {
      return store.open(await visibleRows(session), session.cipher);
    },

    /** One declaration, if this person may read it; someone else's is "not found", not "forbidden". */
    async get(session: Session, id: string): Promise<Declaration | undefined> {
      const row = await db.declarations.get(id);
      if (!row || !mayRead(session, row)) return undefined;
      return declarationCodec.decode(row, session.cipher);
    },

    /** One member of staff's declarations, for their staff file: the manager's, or their own. */
    async listForStaff(session: Session, staffId: string): Promise<Declaration[]> {
      if (!mayRead(session, { staffId })) return [];
      const rows = await db.declarations.where('staffId').equals(staffId).sortBy('recordedAt');
      return store.open(rows.reverse(), session.cipher);
    },

    /**
     * The manager's list: waiting to be reviewed, reviewed with no supervision date, or the
     * supervision date passed with no outcome. Empty for everyone else.
     */
    async needingAttention(session: Session, today: string): Promise<DeclarationNeedingAttention[]> {
      if (!can(session.roles, 'declaration:read-all')) return [];
      const rows = await db.declarations.where('status').equals('open').sortBy('recordedAt');
      const open = await store.open(rows, session.cipher);
      return open
        .map((declaration) => ({ declaration, attention: declarationAttention(declaration, today) }))
        .filter((item) => needsManagerAttention(item.attention));
    },

    /** The manager notes a declaration, and adds the supervision date, outcome and action as they come. */
    async review(
      session: Session,
      id: string,
      input: unknown,
    ): Promise<Result<Declaration, DeclarationError>> {
      if (!can(session.roles, 'declaration:read-all'))
        return fail('forbidden', 'Only the Registered Manager can review declarations.');
      const form = declarationReviewSchema.safeParse(input);
      if (!form.success) return fail('invalid', 'Some details need correcting.', fieldMessages(form.error));
      const currentRow = await db.declarations.get(id);
      if (!currentRow) return fail('not-found', 'That declaration is no longer in the list.');
      const current = await declarationCodec.decode(currentRow, session.cipher);
      const now = clock();
      const reviewed = declarationSchema.parse({
        ...current,
        ...form.data,
        reviewedAt: current.reviewedAt ?? now.toISOString(),
        reviewedById: session.staff.id,
        status: form.data.supervisionOn && form.data.outcome ? 'closed' : 'open',
      });
      const [row] = await store.seal([reviewed], session.cipher);
      if (!row) throw new Error('Sealing returned nothing');
      try {
        await audit.write(
          auditor(session),
          [
            {
              action: 'declaration.reviewed',
              recordType: 'declaration',
              recordId: id,
              detail: reviewed.status,
            },
          ],
          [db.declarations],
          async () => {
            // Every seal has a fresh IV: a different one means someone saved a review since this was read.
            const stored = await db.declarations.get(id);
            if (!stored || !sameBytes(stored.sealed.iv, currentRow.sealed.iv)) {
              throw new Refusal(
                fail(
                  'not-found',
                  'Someone else reviewed this declaration a moment ago. Open it again to see their review.',
                ).error,
              );
            }
            await db.declarations.put(row);
          },
          now,
        );
      } catch (error) {
        if (error instanceof Refusal) return { ok: false, error: error.failure as Failure<DeclarationError> };
        throw error;
      }
      return ok(reviewed);
    },
  };
}
export type DeclarationRepository = ReturnType<typeof declarationRepository>;

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((byte, index) => byte === b[index]);
}
