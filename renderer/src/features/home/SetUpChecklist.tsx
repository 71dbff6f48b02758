import { can } from '@shared/rules/access';
import { setUpChecklist, type SetUpFacts } from '@shared/rules/home-overview';
import { useSession } from '../../security/session-context';
import { setUpStepWords } from './overview-words';
import { Panel } from '../../ui/Panel';

/**
 * After first run, what is left to set up, ticking itself off as each step is done; gone once
 * every step is.
 */
export function SetUpChecklist({ facts }: { readonly facts: SetUpFacts | undefined }) {
  const { roles } = useSession();
  if (!can(roles, 'settings:manage') || facts === undefined) return null;
  const steps = setUpChecklist(facts);
  const done = steps.filter((step) => step.isDone).length;
  if (done === steps.length) return null;

  return (
    <Panel titleId="set-up-title" title="Finish setting up the home">
      <p className="muted">
        {done} of {steps.length} done. Each step ticks itself off when it is done.
      </p>
      <ol className="checklist">
        {steps.map(({ step, isDone }) => (
          <li key={step} className={isDone ? 'checklist__done' : undefined}>
            <span className="checklist__mark" aria-hidden="true">
              {isDone ? '✓' : ''}
            </span>
            <a href={setUpStepWords[step].href}>{setUpStepWords[step].text}</a>
            <span className={isDone ? 'badge' : 'badge badge--warn'}>{isDone ? 'Done' : 'To do'}</span>
          </li>
        ))}
      </ol>
    </Panel>
  );
}
