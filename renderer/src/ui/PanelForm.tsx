import type { ComponentProps, FormEvent, ReactNode } from 'react';
import { FormActions } from './FormActions';
import { FormNotices } from './FormNotices';
import { OpeningPanel } from './OpeningPanel';
import { SubmitForm } from './SubmitForm';

type Props = {
  /** The heading's id, which names the panel for screen readers. */
  readonly titleId: string;
  readonly title: ReactNode;
  readonly level?: 2 | 3 | 4;
  /** The form's accessible name; the title where that is plain text. */
  readonly label: string;
  /** What the person reads before the form: what it will do, or the record it is about. */
  readonly intro?: ReactNode;
  readonly onSubmit: (event: FormEvent<HTMLFormElement>) => Promise<void> | void;
  readonly notices: ComponentProps<typeof FormNotices>;
  readonly actions: ComponentProps<typeof FormActions>;
  /** The fields. */
  readonly children: ReactNode;
};

/**
 * A form that opens in a panel on a screen: its heading takes the focus, then anything to read
 * first, then the form with its one notice at the top, its fields, and its buttons at the foot.
 */
export function PanelForm({
  titleId,
  title,
  level,
  label,
  intro,
  onSubmit,
  notices,
  actions,
  children,
}: Props) {
  return (
    <OpeningPanel titleId={titleId} title={title} level={level}>
      {intro}
      <SubmitForm label={label} onSubmit={onSubmit}>
        <FormNotices {...notices} />
        {children}
        <FormActions {...actions} />
      </SubmitForm>
    </OpeningPanel>
  );
}
