import { formatUkDate } from '../format-dates';
import { restrictionAuthorityLabels, restrictionKindLabels } from '../schemas/registers';
import { canonicalJson } from '../sync/record-merge';

/**
 * How the manager's "Changed on two computers at once" shows a record's versions side by side
 * (docs/sync-design.md, "Conflicts"): only the fields whose values differ between the versions,
 * each with a plain label and its value in words. Pure, so every screen and test words them alike.
 */

export type DifferingField = {
  readonly field: string;
  readonly label: string;
  /** One value in words per version, in the order the versions were given. */
  readonly values: readonly string[];
};

/** What each kind of record is called, for a record whose own name cannot be shown. */
const recordLabels: Readonly<Record<string, string>> = {
  restrictions: 'A contact restriction',
  youngPeople: 'A young person’s details',
  people: 'A family member’s or friend’s details',
  relationships: 'How someone is related to a young person',
  personSpecialDates: 'A family member’s special dates',
  declarations: 'A staff declaration',
  disclosures: 'A disclosure',
  visits: 'A visit',
  panGroups: 'A PAN group',
  contactForms: 'A contact form',
  formActions: 'An agreed action',
  reviewSampleItems: 'A sample review',
  contactArrangements: 'A contact plan',
  contactArrangementAgreements: 'Who agreed a contact plan',
  staff: 'A staff member’s details',
  academicYears: 'An academic year',
  rooms: 'A room',
  reviewSamples: 'A termly sample',
  outbox: 'An email alert',
  settings: 'One of the home’s settings',
};

const fieldLabels: Readonly<Record<string, string>> = {
  name: 'Name',
  firstName: 'First name',
  lastName: 'Last name',
  aliases: 'Also known as',
  description: 'Description',
  kind: 'What is allowed',
  conditions: 'Conditions',
  authority: 'On whose authority',
  authorityReference: 'Reference',
  effectiveFrom: 'Applies from',
  effectiveTo: 'Applies until',
  reviewOn: 'Review by',
  endedAt: 'Ended on',
  endedReason: 'Why it ended',
  phone: 'Phone number',
  email: 'Email address',
  address: 'Address',
  notes: 'Notes',
  earlierTerms: 'Earlier versions',
  reviews: 'Reviews',
};

/**
 * Who changed a version and when: shown with each version, not as a difference. Staff named by
 * id (`approvedById`) follow whichever version is kept: an id means nothing to the reader.
 */
const hiddenFields: ReadonlySet<string> = new Set([
  'id',
  'changedAt',
  'changedById',
  'updatedAt',
  'updatedById',
  'version',
]);

/** Whether a field is shown with the versions (and so can be chosen field by field). */
export const isShownField = (field: string): boolean => !hiddenFields.has(field) && !field.endsWith('ById');

/** `reviewOn` → "Review on": a field without a label of its own, in words. */
export function labelOf(field: string): string {
  const known = fieldLabels[field];
  if (known) return known;
  const words = field.replace(/([A-Z])/g, ' $1').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function inWords(table: string, field: string, value: unknown): string {
  if (value === undefined || value === null || value === '') return '(none)';
  if (table === 'restrictions' && field === 'kind' && typeof value === 'string')
    return restrictionKindLabels[value as keyof typeof restrictionKindLabels] ?? value;
  if (table === 'restrictions' && field === 'authority' && typeof value === 'string')
    return restrictionAuthorityLabels[value as keyof typeof restrictionAuthorityLabels] ?? value;
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) return formatUkDate(value);
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}T/.test(value)) return formatUkDate(value.slice(0, 10));
  if (typeof value === 'string' || typeof value === 'number') return String(value);
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  if (Array.isArray(value) && value.every((item) => typeof item === 'string'))
    return value.length === 0 ? '(none)' : value.join(', ');
  if (Array.isArray(value)) return value.length === 1 ? '1 entry' : `${value.length} entries`;
  return 'Changed';
}

const plural = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;
const minutes = (value: unknown) =>
  typeof value === 'number' ? plural(value, 'minute', 'minutes') : '(none)';
const years = (value: unknown) => (typeof value === 'number' ? plural(value, 'year', 'years') : '(none)');

type SettingField = { readonly label: string; readonly words?: (value: unknown) => string };

/**
 * The home's settings staff understand, each part with its name and its value in words. A
 * setting not here (the sealed signing authority, the list of PAN alerts already sent) means
 * nothing read aloud, so it shows as "Changed".
 */
const homeSettings: Readonly<
  Record<string, { readonly name: string; readonly fields?: Readonly<Record<string, SettingField>> }>
> = {
  home: {
    name: 'The home’s details',
    fields: {
      name: { label: 'Home name' },
      ofstedUrn: { label: 'Ofsted URN' },
      timeZone: { label: 'Time zone' },
    },
  },
  security: {
    name: 'Screen lock',
    fields: { autoLockMinutes: { label: 'Lock an unattended screen after', words: minutes } },
  },
  retention: {
    name: 'How long records are kept',
    fields: {
      caseRecordsYearsFromBirth: {
        label: 'Case records kept',
        words: (value) => `${years(value)} from the young person’s birth`,
      },
      visitorRegisterYears: { label: 'Visitor register kept', words: years },
      declarationsYears: { label: 'Staff declarations kept', words: years },
      disclosuresYears: { label: 'Disclosure log kept', words: years },
    },
  },
  contactForms: {
    name: 'Contact-form deadline',
    fields: {
      dueHours: {
        label: 'Contact forms due within',
        words: (value) => (typeof value === 'number' ? plural(value, 'hour', 'hours') : '(none)'),
      },
    },
  },
  signingAuthority: { name: 'The signing authority' },
  panOverdueAlerted: { name: 'Overdue PAN alerts already sent' },
};

const settingKeyOf = (versions: readonly (object | undefined)[]): string | undefined => {
  const key = (versions.find((version) => version !== undefined) as { key?: unknown } | undefined)?.key;
  return typeof key === 'string' ? key : undefined;
};

/** A setting's versions side by side: each part of a setting staff understand, or "Changed". */
function differingSettings(versions: readonly (object | undefined)[]): DifferingField[] {
  const key = settingKeyOf(versions);
  const setting = key === undefined ? undefined : homeSettings[key];
  const valueOf = (version: object | undefined): unknown =>
    version === undefined ? undefined : (version as { value?: unknown }).value;
  const first = canonicalJson(valueOf(versions[0]));
  if (versions.every((version) => canonicalJson(valueOf(version)) === first)) return [];
  const fields = setting?.fields;
  if (!setting || !fields)
    return [
      {
        field: 'value',
        label: setting?.name ?? 'Setting',
        values: versions.map((version) => (version === undefined ? 'Deleted' : 'Changed')),
      },
    ];
  const partOf = (version: object | undefined, part: string): unknown => {
    const value = valueOf(version);
    return typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[part] : undefined;
  };
  const differing: DifferingField[] = [];
  for (const [part, { label, words }] of Object.entries(fields)) {
    const firstPart = canonicalJson(partOf(versions[0], part));
    if (versions.every((version) => canonicalJson(partOf(version, part)) === firstPart)) continue;
    differing.push({
      field: `value.${part}`,
      label,
      values: versions.map((version) => {
        if (version === undefined) return 'Deleted';
        const value = partOf(version, part);
        if (value === undefined || value === null || value === '') return '(none)';
        if (words) return words(value);
        return typeof value === 'string' || typeof value === 'number' ? String(value) : 'Changed';
      }),
    });
  }
  return differing;
}

/** The name a record goes by on the list, from its versions: a restriction's person, a person's name. */
export function conflictRecordName(table: string, versions: readonly (object | undefined)[]): string {
  const kind = recordLabels[table] ?? 'A record';
  const named = versions.find((version) => version !== undefined) as Record<string, unknown> | undefined;
  if (!named) return kind;
  if (table === 'settings') {
    const setting = homeSettings[settingKeyOf(versions) ?? ''];
    return setting ? `${kind}: ${setting.name}` : kind;
  }
  if (table === 'restrictions' && typeof named['name'] === 'string')
    return `Contact restriction: ${named['name']}`;
  if (typeof named['firstName'] === 'string')
    return `${kind}: ${[named['firstName'], named['lastName']].filter((part) => typeof part === 'string').join(' ')}`;
  if (typeof named['name'] === 'string') return `${kind}: ${named['name']}`;
  return kind;
}

/**
 * The fields whose values differ between the versions of one record (a version that deleted the
 * record is undefined: every field of the others differs from it), in the order of their labels.
 */
export function differingFields(table: string, versions: readonly (object | undefined)[]): DifferingField[] {
  if (table === 'settings') return differingSettings(versions);
  const fields = new Set<string>();
  for (const version of versions) for (const field of Object.keys(version ?? {})) fields.add(field);
  const valueOf = (version: object | undefined, field: string): unknown =>
    version === undefined ? undefined : (version as Record<string, unknown>)[field];
  const differing: DifferingField[] = [];
  for (const field of fields) {
    if (!isShownField(field)) continue;
    const first = canonicalJson(valueOf(versions[0], field));
    if (versions.every((version) => canonicalJson(valueOf(version, field)) === first)) continue;
    differing.push({
      field,
      label: labelOf(field),
      values: versions.map((version) =>
        version === undefined ? 'Deleted' : inWords(table, field, valueOf(version, field)),
      ),
    });
  }
  return differing.sort((a, b) => a.label.localeCompare(b.label));
}
