import { formatUkDate } from '@shared/format-dates';
import { declarationAttention } from '@shared/rules/declaration-attention';
import { declarationKindLabels, type Declaration } from '@shared/schemas/declarations';
import { declarationStateText } from './declaration-state-text';
import { ColumnHeads } from '../../ui/ColumnHeads';
import { RowButtonCell } from '../../ui/RowButtonCell';

type Props = {
  readonly declarations: readonly Declaration[];
  readonly today: string;
  /** Names by staff id; with `showWho`, a column says whose each one is (the manager's view). */
  readonly staffName: (id: string) => string;
  readonly showWho: boolean;
  /** The manager's review action; absent for everyone else. */
  readonly onReview: ((declaration: Declaration) => void) | undefined;
};

/** Declarations, newest first, with where each stands. */
export function DeclarationsTable({ declarations, today, staffName, showWho, onReview }: Props) {
  return (
    <table className="table">
      <caption className="visually-hidden">Declarations</caption>
      <ColumnHeads
        columns={[
          ...(showWho ? ['Who'] : []),
          'What',
          'When',
          'What happened',
          'Line manager',
          'Where it stands',
        ]}
        hasActions={Boolean(onReview)}
      />
      <tbody>
        {declarations.map((declaration) => (
          <tr key={declaration.id}>
            {showWho ? <td>{staffName(declaration.staffId)}</td> : null}
            <th scope="row">{declarationKindLabels[declaration.kind]}</th>
            <td>{formatUkDate(declaration.happenedOn)}</td>
            <td>
              {declaration.whatHappened}
              {declaration.whoWasInvolved ? (
                <div className="muted">Involved: {declaration.whoWasInvolved}</div>
              ) : null}
            </td>
            <td>{staffName(declaration.lineManagerId)}</td>
            <td>
              {declarationStateText(declarationAttention(declaration, today))}
              {declaration.outcome ? <div>Outcome: {declaration.outcome}</div> : null}
              {declaration.action ? <div>Action: {declaration.action}</div> : null}
            </td>
            <RowButtonCell
              name={`Review ${staffName(declaration.staffId)}’s declaration of ${formatUkDate(declaration.happenedOn)}`}
              onClick={onReview ? () => onReview(declaration) : undefined}
            >
              Review
            </RowButtonCell>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
