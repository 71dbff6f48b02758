import { permittedForm } from './permitted-form';
import {
  declarationFormSchema,
  declarationReviewSchema,
  declarationSchema,
  type Declaration,
} from '@shared/schemas/declarations';
import { can, declarationScope } from '@shared/rules/access';
import { declarationsCompartment } from '@shared/rules/compartments';
import {
  declarationAttention,
  needsManagerAttention,
  type DeclarationAttention,
} from '@shared/rules/declaration-attention';
import { fail, ok, type Result } from '@shared/result';
import type { DeclarationPlainKey, FamilyLinksDb } from '../database';
import { recordWriter } from '../record-writer';
import { createSealedCodec } from '../sealed-codec';
import { sealedStore } from '../sealed-store';
import type { Session } from '../session';

/**
 * Sealed under the declarant's own compartment (that person and the manager hold its key). Someone
 * whose key has not reached them yet (a home that had one key, before the manager has signed in
 * since they first did) seals under the door key as before; the manager's next sign-in moves it.
 */
export const declarationCodec = createSealedCodec(
  'declarations',
  declarationSchema,
  ['id', 'staffId', 'recordedAt', 'status'] satisfies DeclarationPlainKey[],
  {
    compartment: (declaration, cipher) => {
      const own = declarationsCompartment(declaration.staffId);
      return cipher.holds(own) ? own : undefined;
    },
  },
);

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
  const records = recordWriter(db, clock);

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
      const form = permittedForm(
        session,
        'declaration:record-own',
        'Your account cannot make declarations. Ask the manager.',
        declarationFormSchema,
        input,
      );
      if (!form.ok) return form;
      const now = clock();
      const declaration = declarationSchema.parse({
        ...form.value,
        id: crypto.randomUUID(),
        staffId: session.staff.id,
        recordedAt: now.toISOString(),
        status: 'open',
      });
      await records.write(session, {
        at: now,
        events: [
          {
            action: 'declaration.recorded',
            recordType: 'declaration',
            recordId: declaration.id,
            detail: declaration.kind,
          },
        ],
        writes: [store.insert(declaration)],
      });
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

    /**
     * A signed PDF of one person's declarations was saved for their staff file: the audit entry
     * names the file, its SHA-256, who signed it and the disclosure that says why it left.
     */
    async recordSignedPdf(
      session: Session,
      staffId: string,
      saved: { sha256: string; fileName: string; signerName: string; disclosureId: string },
    ): Promise<void> {
      await records.write(session, {
        events: [
          {
            action: 'declarations.pdf-signed',
            recordType: 'staff',
            recordId: staffId,
            detail: `SHA-256 ${saved.sha256}; saved as ${saved.fileName}; signed by ${saved.signerName}; disclosure ${saved.disclosureId}`,
          },
        ],
      });
    },

    /** The manager notes a declaration, and adds the supervision date, outcome and action as they come. */
    async review(
      session: Session,
      id: string,
      input: unknown,
    ): Promise<Result<Declaration, DeclarationError>> {
      const form = permittedForm(
        session,
        'declaration:read-all',
        'Only the Registered Manager can review declarations.',
        declarationReviewSchema,
        input,
      );
      if (!form.ok) return form;
      const currentRow = await db.declarations.get(id);
      if (!currentRow) return fail('not-found', 'That declaration is no longer in the list.');
      const current = await declarationCodec.decode(currentRow, session.cipher);
      const now = clock();
      const reviewed = declarationSchema.parse({
        ...current,
        ...form.value,
        reviewedAt: current.reviewedAt ?? now.toISOString(),
        reviewedById: session.staff.id,
        status: form.value.supervisionOn && form.value.outcome ? 'closed' : 'open',
      });
      const written = await records.write(session, {
        at: now,
        events: [
          {
            action: 'declaration.reviewed',
            recordType: 'declaration',
            recordId: id,
            detail: reviewed.status,
          },
        ],
        writes: [
          store.replace(
            currentRow,
            reviewed,
            fail(
              'not-found',
              'Someone else reviewed this declaration a moment ago. Open it again to see their review.',
            ),
          ),
        ],
      });
      if (!written.ok) return written;
      return ok(reviewed);
    },
  };
}
export type DeclarationRepository = ReturnType<typeof declarationRepository>;
