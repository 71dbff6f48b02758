import type { VisitorConditions } from './visitor-conditions';

/**
 * A visitor's conditions, marked to be read from across the room: large black text on yellow in a
 * heavy border, with the word "conditions" and a warning sign, so it does not rest on colour alone.
 */
export function ConditionMark({ conditions }: { conditions: VisitorConditions }) {
  return (
    <div className="condition-mark">
      <p className="condition-mark__heading">
        <span aria-hidden="true">⚠ </span>
        {conditions.heading}
      </p>
      <ul className="condition-mark__lines">
        {conditions.lines.map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
    </div>
  );
}
