import { useEffect, useRef, useState } from 'react';
import type { ContactForm } from '@shared/schemas/contact-forms';
import { whatToDoNext } from '@shared/rules/what-to-do-next';
import { useSession } from '../../security/session-context';
import { Banner } from '../../ui/Banner';
import { DisclosureReasonDialog } from '../disclosures';
import { renderPdfPages } from './render-pdf-pages';
import { useSignedCopy } from './useSignedCopy';
import { SignatureStatus } from './SignatureStatus';
import { useSignatureCheck } from './useSignatureCheck';
import { useSignedCopyActions } from './useSignedCopyActions';

type Props = {
  readonly form: ContactForm;
  readonly youngPersonName: string;
  readonly staffName: (id: string | undefined) => string;
  readonly timeZone: string;
};

/**
 * The signed copy itself, as filed: its signature status (who signed, when, and whether the copy
 * held here is the one signed), its pages drawn with pdf.js, and Print / Save a copy, each asked
 * about first in the disclosure log.
 */
export function SignedCopySection({ form, youngPersonName, staffName, timeZone }: Props) {
  const copy = useSignedCopy(form);
  const actions = useSignedCopyActions(form, copy?.pdf, copy?.sha256);
  const pagesRef = useRef<HTMLDivElement>(null);
  const [drawn, setDrawn] = useState<
    { ok: true; pages: number } | { ok: false; message: string } | undefined
  >();
  const pdf = copy?.pdf;
  const check = useSignatureCheck(pdf);
  const { roles } = useSession();

  useEffect(() => {
    const container = pagesRef.current;
    if (!pdf || !container) return;
    return renderPdfPages(
      pdf,
      container,
      {
        width: Math.min(container.clientWidth || 800, 820),
        label: (page, pages) =>
          `Signed copy of ${form.reference} for ${youngPersonName}, page ${page} of ${pages}`,
      },
      setDrawn,
    );
  }, [pdf, form.reference, youngPersonName]);

  if (copy === undefined) return <p role="status">Opening the signed copy…</p>;
  const signer = staffName(copy.record?.actorId ?? form.authorId);
  return (
    <section className="signed-copy" aria-labelledby="signed-copy-title">
      <h3 id="signed-copy-title">The signed copy</h3>
      <SignatureStatus
        verdict={copy.verdict}
        check={check}
        fallbackSigner={signer}
        fallbackAt={copy.record?.at ?? form.filedAt ?? form.dueAt}
        timeZone={timeZone}
        advice={whatToDoNext(roles, 'signed-copy-doubt')}
      />
      {actions.message ? <Banner tone={actions.message.tone}>{actions.message.text}</Banner> : null}
      {copy.pdf ? (
        <>
          <div className="row-actions">
            <button type="button" className="button button--secondary" onClick={() => void actions.print()}>
              Print…
            </button>
            <button type="button" className="button button--secondary" onClick={() => void actions.save()}>
              Save a copy…
            </button>
          </div>
          {drawn && !drawn.ok ? <Banner tone="info">{drawn.message}</Banner> : null}
          {drawn === undefined ? <p role="status">Drawing the pages…</p> : null}
          <div ref={pagesRef} className="signed-copy__pages" />
        </>
      ) : null}
      <DisclosureReasonDialog {...actions.dialogProps} />
    </section>
  );
}
