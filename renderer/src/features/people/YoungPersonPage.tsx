import { useState } from 'react';
import { displayName } from '@shared/display-names';
import { can } from '@shared/rules/access';
import { Banner } from '../../ui/Banner';
import { hashFor } from '../../common/routes';
import { useSession } from '../../security/session-context';
import { useOpenPanel } from '../../common/useOpenPanel';
import { useHomeToday } from '../../common/useHomeToday';
import { RestrictionsSection } from '../restrictions';
import { PanGroupSection } from '../pan-groups';
import { YoungPersonContactForms } from '../contact-forms';
import { ChronologyPrintView, ChronologySection, type ChronologyPrintout } from '../chronology';
import { FamilyTable } from './FamilyTable';
import { ContactPlanSection } from './ContactPlanSection';
import { staffNamesById } from '../../common/staff-names';
import { useStaffMembers } from '../../common/useStaffMembers';
import { useYoungPerson } from './useYoungPerson';
import { YoungPersonDetails } from './YoungPersonDetails';
import { YoungPersonForm } from './YoungPersonForm';
import { ToolbarButton } from '../../ui/ToolbarButton';

function BackLink() {
  return (
    <nav aria-label="Breadcrumb">
      <a href={hashFor('young-people')}>All young people</a>
    </nav>
  );
}

/** One young person: their details, their family, the contact restrictions that protect them, and their chronology. */
export function YoungPersonPage({ id }: { id: string }) {
  const { state, repository } = useYoungPerson(id);
  const staff = useStaffMembers();
  const today = useHomeToday();
  const canManage = can(useSession().roles, 'people:manage');
  const { panel: isEditing, done: saved, open, close } = useOpenPanel<true>();
  const [printout, setPrintout] = useState<ChronologyPrintout | undefined>();

  if (state.isLoading)
    return (
      <p role="status" className="page">
        Loading…
      </p>
    );
  const { youngPerson } = state;
  if (!youngPerson) {
    return (
      <div className="page">
        <BackLink />
        <h1>Young person not found</h1>
        <p>This record is not here. It may be a link from an old screen.</p>
      </div>
    );
  }
  const name = displayName(youngPerson);
  // The printed chronology takes the page's place; the page stays (hidden) so its filters are kept.
  return (
    <>
      {printout ? <ChronologyPrintView printout={printout} onClose={() => setPrintout(undefined)} /> : null}
      <div className="page" hidden={printout !== undefined}>
        <BackLink />
        <h1>{name}</h1>
        <p className="lede">Case number {youngPerson.caseNumber}</p>
        {saved ? <Banner tone="success">{saved}</Banner> : null}
        {isEditing && staff ? (
          <YoungPersonForm
            repository={repository}
            existing={youngPerson}
            staff={staff}
            onDone={(updated) => close(updated ? `${displayName(updated)}’s details are saved.` : undefined)}
          />
        ) : null}
        <section aria-labelledby="details-title">
          <h2 id="details-title">Details</h2>
          <YoungPersonDetails youngPerson={youngPerson} staffNames={staffNamesById(staff)} today={today} />
          {canManage && !isEditing ? (
            <ToolbarButton isDisabled={staff === undefined} isSecondary onClick={() => open(true)}>
              Edit details
            </ToolbarButton>
          ) : null}
        </section>
        <FamilyTable youngPersonId={id} youngPersonName={name} />
        <RestrictionsSection youngPersonId={id} youngPersonName={name} />
        <ContactPlanSection youngPerson={youngPerson} youngPersonName={name} today={today} />
        <YoungPersonContactForms youngPersonId={id} youngPersonName={name} />
        <ChronologySection
          youngPersonId={id}
          youngPersonName={name}
          caseNumber={youngPerson.caseNumber}
          onPrint={setPrintout}
        />
        <PanGroupSection
          youngPersonId={id}
          youngPersonName={name}
          personalTutorId={youngPerson.personalTutorId}
        />
      </div>
    </>
  );
}
