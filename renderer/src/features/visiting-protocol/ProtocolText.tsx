import type { VisitingProtocol } from '@shared/schemas/visiting-protocol';

/** One version's paragraphs, as written (a single line break stays a line break). */
export function ProtocolText({ protocol }: { readonly protocol: Pick<VisitingProtocol, 'paragraphs'> }) {
  return (
    <div className="protocol-text">
      {protocol.paragraphs.map((paragraph, index) => (
        // Paragraphs of one version never change or move: their place is their identity.
        <p key={index}>{paragraph}</p>
      ))}
    </div>
  );
}
