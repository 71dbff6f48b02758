import type { ReactNode } from 'react';
import { doorInstruction } from '@shared/rules/restriction-check';
import type { StaffRole } from '@shared/schemas/staff';
import { MatchList } from './MatchList';
import type { DoorRestrictions } from './useDoorRestrictions';
import type { LiveDoorCheck } from './useLiveDoorCheck';

const blockHeading = 'Do not admit. Speak to the duty manager.';

type Props = {
  readonly check: LiveDoorCheck;
  readonly restrictions: DoorRestrictions | undefined;
  readonly roles: readonly StaffRole[];
  readonly youngPersonName: (id: string) => string;
  /** For a warning: who will supervise, and "I have read this". */
  readonly warnActions: ReactNode;
  /** For a block: the manager's override (or nothing, for everyone else). */
  readonly blockActions: ReactNode;
};

/**
 * What the restriction check found for the name typed. Clear is quiet; a warning is amber with
 * the condition and what to do; a block is red and interrupts (role="alert"): do not admit.
 */
export function DoorCheckPanel({
  check,
  restrictions,
  roles,
  youngPersonName,
  warnActions,
  blockActions,
}: Props) {
  const result = check.state === 'checked' ? check.result : undefined;
  const summary =
    check.state === 'loading'
      ? 'Loading the restriction register…'
      : result?.kind === 'clear'
        ? 'No restrictions found for this name.'
        : result?.kind === 'warn'
          ? 'A restriction applies to this visitor. Read it before signing them in.'
          : '';
  const byId = restrictions?.byId ?? new Map();
  // The heading already says not to admit; anything more (a close-name note) goes under it.
  const blockNote = result?.kind === 'block' ? doorInstruction(result).replace(blockHeading, '').trim() : '';

  return (
    <div className="door-check">
      <p role="status" className={result?.kind === 'clear' ? 'door-check__clear' : 'door-check__status'}>
        {summary}
      </p>
      {result?.kind === 'warn' ? (
        <section className="door-panel door-panel--warn" aria-labelledby="door-warn-title">
          <h2 id="door-warn-title">Restricted: read before signing in</h2>
          <p className="door-panel__instruction">{doorInstruction(result)}</p>
          <MatchList
            matches={result.matches}
            byId={byId}
            roles={roles}
            youngPersonName={youngPersonName}
            showsEffect={false}
          />
          {warnActions}
        </section>
      ) : null}
      {result?.kind === 'block' ? (
        <section className="door-panel door-panel--block" role="alert" aria-labelledby="door-block-title">
          <h2 id="door-block-title">{blockHeading}</h2>
          {blockNote ? <p className="door-panel__instruction">{blockNote}</p> : null}
          <MatchList
            matches={result.matches}
            byId={byId}
            roles={roles}
            youngPersonName={youngPersonName}
            showsEffect
          />
          {blockActions}
        </section>
      ) : null}
    </div>
  );
}
