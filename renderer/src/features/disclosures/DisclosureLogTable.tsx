import { disclosureKindLabels, disclosureReasonLabels, type Disclosure } from '@shared/schemas/disclosures';
import { ColumnHeads } from '../../ui/ColumnHeads';

type Props = {
  readonly disclosures: readonly Disclosure[];
  readonly when: (isoInstant: string) => string;
  readonly staffName: (id: string) => string;
  readonly youngPersonName: (id: string) => string;
};

/** Every copy that left the app: when, what, how, to whom, why and by whom. */
export function DisclosureLogTable({ disclosures, when, staffName, youngPersonName }: Props) {
  return (
    <table className="table">
      <caption className="visually-hidden">Disclosure log</caption>
      <ColumnHeads columns={['When', 'What', 'How', 'To whom or where', 'Why', 'Young person', 'By']} />
      <tbody>
        {disclosures.map((disclosure) => (
          <tr key={disclosure.id}>
            <td>{when(disclosure.at)}</td>
            <th scope="row">{disclosure.what}</th>
            <td>{disclosureKindLabels[disclosure.kind]}</td>
            <td>{disclosure.recipient}</td>
            <td>
              {disclosureReasonLabels[disclosure.reason]}
              {disclosure.reasonDetail ? <div className="muted">{disclosure.reasonDetail}</div> : null}
            </td>
            <td>
              {disclosure.youngPersonId ? (
                youngPersonName(disclosure.youngPersonId)
              ) : (
                <span className="muted">None named</span>
              )}
            </td>
            <td>{staffName(disclosure.byId)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
