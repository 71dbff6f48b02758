import type { BadgePaper, VisitorBadge } from '@shared/rules/visitor-badge';

/**
 * One visitor badge, as it prints: on screen it is the preview, at the paper's own size. The mark
 * for a supervised or conditional visit is words in a heavy black box, so it reads on a
 * black-and-white label printer and does not rest on colour.
 */
export function VisitorBadgeCard({ badge, paper }: { badge: VisitorBadge; paper: BadgePaper }) {
  return (
    <article className={`visitor-badge visitor-badge--${paper}`} aria-label="Visitor badge">
      <p className="visitor-badge__home">
        <span>{badge.homeName}</span>
        <span className="visitor-badge__kind">Visitor</span>
      </p>
      <p className="visitor-badge__name">{badge.visitorName}</p>
      <p className="visitor-badge__whom">{badge.whom}</p>
      {badge.mark.kind === 'none' ? null : (
        <div className="visitor-badge__mark">
          <p className="visitor-badge__mark-words">{badge.mark.words}</p>
          <p className="visitor-badge__mark-note">{badge.mark.note}</p>
        </div>
      )}
      <p className="visitor-badge__details">
        <span>{badge.timeIn}</span>
        <span className="visitor-badge__number">{badge.badge}</span>
      </p>
    </article>
  );
}
