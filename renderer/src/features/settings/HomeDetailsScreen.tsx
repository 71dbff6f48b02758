import { HomeDetailsForm } from './HomeDetailsForm';
import { useHomeSettings } from './useHomeSettings';

export function HomeDetailsScreen() {
  const { state, repository } = useHomeSettings();
  return (
    <div className="page page--narrow">
      <h1>Home details</h1>
      {state.isLoading ? <p role="status">Loading…</p> : <HomeDetailsForm initial={state.home} repository={repository} />}
    </div>
  );
}
