import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reportContentSchema, type ReportContent } from '../../../../shared/ipc/channels/documents';
import { layoutReportPdf } from '../../../../shared/pdf/report-layout';

let folder: string;
let fonts: { regular: Uint8Array; bold: Uint8Array };

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'family-links-report-'));
  const fontsFolder = join(process.cwd(), 'resources', 'fonts');
  fonts = {
    regular: new Uint8Array(await readFile(join(fontsFolder, 'DejaVuSans.ttf'))),
    bold: new Uint8Array(await readFile(join(fontsFolder, 'DejaVuSans-Bold.ttf'))),
  };
});
afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

/** The text of each page, as a reader's PDF tool extracts it (poppler's pdftotext). */
async function pagesOf(bytes: Uint8Array): Promise<string[]> {
  const path = join(folder, `${Math.random().toString(16).slice(2)}.pdf`);
  await writeFile(path, bytes);
  const result = spawnSync('pdftotext', ['-layout', path, '-'], { encoding: 'utf8' });
  if (result.error) throw new Error('pdftotext is not installed: apt-get install -y poppler-utils');
  return result.stdout.split('\f').filter((page) => page.trim() !== '');
}

const base: ReportContent = {
  homeName: 'Oakfield House',
  title: 'Termly review: J.S.',
  subtitle: 'Autumn term 2026',
  reference: 'Review · J.S.',
  footer: 'Confidential',
  sections: [],
  signedBy: { name: 'Priya Raman', role: 'Registered Manager' },
  signedAt: '2026-11-23T10:00:00.000Z',
};

describe('the signed report layout', () => {
  it('carries a long table over pages with its header row repeated, and numbers every page', async () => {
    const rows = Array.from({ length: 90 }, (_, index) => [
      `${index + 1} Nov 2026`,
      `Visit number ${index + 1} with Mum at the contact centre`,
      index % 2 === 0 ? 'On time' : 'Filed 3 hours late',
    ]);
    const report = reportContentSchema.parse({
      ...base,
      sections: [
        {
          heading: 'Contacts this term',
          blocks: [{ kind: 'table', columns: ['Date', 'Contact', 'Form'], rows }],
        },
      ],
    });
    const pages = await pagesOf(await layoutReportPdf({ ...report, fonts }));
    expect(pages.length).toBeGreaterThanOrEqual(3);
    pages.forEach((page, index) => {
      expect(page).toContain(`Page ${index + 1} of ${pages.length}`);
      expect(page).toContain('Review · J.S.');
    });
    // Every page the table runs on starts it with its header row again.
    const withRows = pages.filter((page) => page.includes('Visit number'));
    expect(withRows.length).toBeGreaterThan(1);
    for (const page of withRows) expect(page).toMatch(/Date\s+Contact\s+Form/);
    expect(pages.join('\n')).toContain('Visit number 90 with Mum');
    expect(pages.at(-1)).toContain('Priya Raman');
  });

  it('shows words for an empty table, fields and paragraphs, and keeps accents and curly quotes', async () => {
    const report = reportContentSchema.parse({
      ...base,
      sections: [
        {
          heading: 'Summary',
          blocks: [
            { kind: 'fields', rows: [{ label: 'Young person', value: 'Siobhán’s review' }] },
            { kind: 'paragraph', text: 'Everything on one page.' },
          ],
        },
        {
          heading: 'Concerns',
          blocks: [
            { kind: 'table', columns: ['When', 'What'], rows: [], emptyText: 'No concerns this term.' },
          ],
        },
      ],
    });
    const [page] = await pagesOf(await layoutReportPdf({ ...report, fonts }));
    expect(page).toContain('Siobhán’s review');
    expect(page).toContain('No concerns this term.');
    expect(page).toContain('Everything on one page.');
  });

  it('refuses a table whose rows do not match its columns', () => {
    const parsed = reportContentSchema.safeParse({
      ...base,
      sections: [{ heading: 'T', blocks: [{ kind: 'table', columns: ['A', 'B'], rows: [['one']] }] }],
    });
    expect(parsed.success).toBe(false);
  });
});
