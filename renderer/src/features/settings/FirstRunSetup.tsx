import { HomeDetailsForm } from './HomeDetailsForm';
import { useHomeSettings } from './useHomeSettings';

/** What a new install shows: the home's details first, because every record belongs to a home. */
export function FirstRunSetup() {
  const { repository } = useHomeSettings();
  return (
    <main className="page page--narrow" aria-labelledby="first-run-title">
      <p className="shell__product">Family Links</p>
      <h1 id="first-run-title">Set up your home</h1>
      <p className="lede">Family Links keeps your home’s family-contact records on this computer. Start with the home’s details; you can change them later in Home details.</p>
      <HomeDetailsForm initial={undefined} repository={repository} />
    </main>
  );
}
