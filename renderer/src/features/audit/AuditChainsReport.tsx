import type { AuditLogCheck, ComputerChainCheck } from './useAuditLogCheck';
import { recordsGoneWords } from '@shared/rules/records-gone';
import { Banner } from '../../ui/Banner';

const count = (n: number) => `${n.toLocaleString('en-GB')} ${n === 1 ? 'entry' : 'entries'}`;

/** A computer's name at the start of its line: "This computer", "Front desk", "Computer 3F9A2C". */
const lineName = (chain: Pick<ComputerChainCheck, 'name'>) =>
  chain.name.charAt(0).toUpperCase() + chain.name.slice(1);

/** One line for one computer's chain: how many entries, whether it is whole, and if not where it breaks. */
function chainLine(chain: ComputerChainCheck): string {
  const name = lineName(chain);
  const { verdict } = chain;
  const lines: string[] = [];
  switch (verdict.kind) {
    case 'intact':
      lines.push(`${name}: ${count(chain.count)}, chain whole.`);
      break;
    case 'unverifiable':
      lines.push(`${name}: ${count(chain.count)}, which check out among themselves. ${verdict.message}`);
      break;
    case 'tampered':
      lines.push(`${name}: the chain breaks at its entry ${verdict.atSeq}. ${verdict.message}`);
      break;
    default: {
      const unexpected: never = verdict;
      return unexpected;
    }
  }
  if (chain.behind)
    lines.push(
      `Its changes up to number ${chain.behind.announced.toLocaleString('en-GB')} have been announced, but only those up to ${chain.behind.received.toLocaleString('en-GB')} have arrived with none missing: its latest entries may still be on their way.`,
    );
  const gone = recordsGoneWords(chain.gone);
  if (gone) {
    const isOne = chain.gone.reduce((n, each) => n + each.ids.length, 0) === 1;
    lines.push(
      `Its entries record ${gone} that ${isOne ? 'is' : 'are'} no longer on this computer: deleted outside Family Links. Tell whoever handles data protection for the home; a backup may hold ${isOne ? 'it' : 'them'}.`,
    );
  }
  if (chain.refused > 0)
    lines.push(
      `${count(chain.refused)} from it ${chain.refused === 1 ? 'was' : 'were'} kept out because ${chain.refused === 1 ? 'it' : 'they'} did not follow on from its chain: tell whoever handles data protection for the home.`,
    );
  return lines.join(' ');
}

/**
 * What checking the log found, one line per computer (docs/sync-design.md, "One audit chain per
 * computer"): every computer's chain is checked on its own, this computer's also against the
 * main process's record of where it ends.
 */
export function AuditChainsReport({ result }: { result: AuditLogCheck }) {
  // A log that cannot be vouched for is as urgent as one altered: it is announced at once.
  const isAnyGone = result.chains.some((chain) => chain.gone.length > 0);
  const tone = result.kind === 'intact' && !isAnyGone ? 'success' : 'error';
  const heading =
    result.kind === 'intact' && isAnyGone
      ? 'The log is whole, but records it names have been deleted.'
      : result.kind === 'intact'
        ? result.chains.length === 1
          ? 'The log is intact: every entry checks out, in order, with none missing.'
          : `The log is intact: every entry from all ${result.chains.length} computers checks out, in order, with none missing.`
        : result.kind === 'tampered'
          ? 'The log has been altered.'
          : 'The log could not be fully verified.';
  return (
    <Banner tone={tone}>
      <p className="audit-chains__heading">{heading}</p>
      <ul className="audit-chains" aria-label="Each computer’s chain">
        {result.chains.map((chain) => (
          <li key={chain.deviceId || 'this'}>{chainLine(chain)}</li>
        ))}
      </ul>
    </Banner>
  );
}
