import { randomBytes, randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  createHomeCertificateAuthority,
  issueStaffCertificate,
} from '../electron/main/services/signing/certificate-authority';
import { openSealedKey } from '../electron/main/services/signing/sealed-key';
import { signPdf, type SignedPdf } from '../electron/main/services/signing/sign-pdf';
import { buildContactFormDocument, type ContactFormPdfInput } from '../shared/pdf/contact-form-layout';
import { contactFormStatus } from '../shared/rules/contact-form-deadline';
import { staffRoleLabels } from '../shared/schemas/staff';
import { generateHome } from '../tests/fixtures/generate-home';
import { sampleSignaturePng } from './sample-signature-png';

const fontsFolder = join(import.meta.dirname, '..', 'resources', 'fonts');

export async function loadPdfFonts(): Promise<ContactFormPdfInput['fonts']> {
  const [regular, bold] = await Promise.all([
    readFile(join(fontsFolder, 'DejaVuSans.ttf')),
    readFile(join(fontsFolder, 'DejaVuSans-Bold.ttf')),
  ]);
  return { regular: new Uint8Array(regular), bold: new Uint8Array(bold) };
}

const initialsOf = (...names: (string | undefined)[]) =>
  names
    .filter((name): name is string => Boolean(name))
    .map((name) => name.trim().charAt(0).toUpperCase())
    .join('');

/**
 * The layout input for a sample form from the small fixture home (seed 1): a filed form that was
 * filed late, so the sample shows the lateness line, with its people and author as the app would
 * pass them. `extraText` lengthens the narrative to see text flow across pages.
 */
export async function sampleContactFormInput(
  options: { extraText?: string } = {},
): Promise<ContactFormPdfInput & { authorEmail: string }> {
  const home = generateHome({ size: 'small', seed: 1 });
  const forms = home.contactForms.filter((form) => form.status === 'filed' && form.filedAt !== undefined);
  const form =
    forms.find((candidate) => candidate.filedAt! > candidate.dueAt && candidate.concerns !== '') ??
    forms.find((candidate) => candidate.filedAt! > candidate.dueAt) ??
    forms[0];
  if (!form?.filedAt) throw new Error('The fixture home has no filed contact form');
  const youngPerson = home.youngPeople.find((candidate) => candidate.id === form.youngPersonId);
  const author = home.staff.find((candidate) => candidate.id === form.authorId);
  if (!youngPerson || !author)
    throw new Error('The fixture form names a young person or author who is not in the home');
  const status = contactFormStatus(
    { contactEndedAt: form.contactEndedAt, filedAt: form.filedAt },
    new Date(form.filedAt),
  );

  const people = form.personIds.flatMap((personId) => {
    const person = home.people.find((candidate) => candidate.id === personId);
    const relationship = home.relationships.find(
      (candidate) => candidate.personId === personId && candidate.youngPersonId === youngPerson.id,
    );
    return person
      ? [
          `${[person.firstName, person.lastName].filter(Boolean).join(' ')}${relationship ? ` (${relationship.relationship})` : ''}`,
        ]
      : [];
  });
  const staff = form.staffIds.flatMap((staffId) =>
    home.staff.filter((candidate) => candidate.id === staffId).map((member) => `${member.name} (staff)`),
  );
  const tutor = home.staff.find((candidate) => candidate.id === youngPerson.personalTutorId);

  return {
    homeName: home.settings.name,
    reference: form.reference,
    kind: form.kind,
    youngPerson: {
      initials: initialsOf(youngPerson.firstName, youngPerson.lastName),
      caseNumber: youngPerson.caseNumber,
    },
    contactStartedAt: form.contactStartedAt,
    contactEndedAt: form.contactEndedAt,
    dueAt: form.dueAt,
    filedAt: form.filedAt,
    hoursLate: status.kind === 'filedLate' ? status.hoursLate : 0,
    participants: [
      initialsOf(youngPerson.firstName, youngPerson.lastName) + ' (young person)',
      ...people,
      ...staff,
    ],
    whatHappened: [form.whatHappened ?? '', options.extraText ?? ''].filter(Boolean).join('\n\n'),
    youngPersonViews: form.youngPersonViews ?? '',
    familyViews: form.familyViews ?? '',
    concerns: form.concerns ?? '',
    isSafeguardingConcern: form.isSafeguardingConcern,
    actions: [
      {
        action: 'Share the young person’s views with their social worker before the next review.',
        owner: tutor?.name ?? author.name,
        dueOn: form.filedAt.slice(0, 10),
      },
    ],
    author: { name: author.name, role: author.roles.map((role) => staffRoleLabels[role]).join(', ') },
    authorEmail: author.email,
    drawnSignaturePng: sampleSignaturePng(),
    timeZone: home.settings.timeZone,
    fonts: await loadPdfFonts(),
  };
}

export type SignedSample = SignedPdf & {
  readonly caCertificatePem: string;
  readonly homeName: string;
  readonly input: ContactFormPdfInput;
};

/**
 * A throwaway home CA, a certificate for the form's author, and the sample form signed with it.
 * The secrets are made up here and thrown away with the keys.
 */
export async function makeSignedSample(
  options: { extraText?: string; homeNameForCa?: string; signedAt?: Date } = {},
): Promise<SignedSample> {
  const input = await sampleContactFormInput(options);
  const now = new Date(input.filedAt);
  // Random secrets, as the app makes them; thrown away with the keys.
  const caSecret = randomBytes(32).toString('hex');
  const staffSecret = randomBytes(32).toString('hex');
  const ca = await createHomeCertificateAuthority({
    homeName: options.homeNameForCa ?? input.homeName,
    secret: caSecret,
    now,
  });
  const leaf = await issueStaffCertificate({
    ca: { encryptedKey: ca.encryptedKey, certificatePem: ca.certificatePem, secret: caSecret },
    // A sample: an account id of its own, and the role the form prints for its author.
    staff: { id: randomUUID(), name: input.author.name, email: input.authorEmail, roles: ['personalTutor'] },
    homeName: input.homeName,
    secret: staffSecret,
    now,
  });
  if (!leaf.ok) throw new Error(leaf.error.message);
  const signer = openSealedKey({
    encryptedKey: leaf.value.encryptedKey,
    certificateChainPem: leaf.value.certificateChainPem,
    secret: staffSecret,
  });
  if (!signer.ok) throw new Error(signer.error.message);
  const signed = await signPdf({
    pdf: await buildContactFormDocument(input),
    signer: signer.value,
    reason: `Contact form ${input.reference} filed for the case file`,
    location: input.homeName,
    signedAt: options.signedAt ?? now,
  });
  if (!signed.ok) throw new Error(signed.error.message);
  return { ...signed.value, caCertificatePem: ca.certificatePem, homeName: input.homeName, input };
}
