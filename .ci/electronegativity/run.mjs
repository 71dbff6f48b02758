#!/usr/bin/env node
// Electronegativity over the built app (issue 10, point 6), from its own folder so its pinned
// eslint 7 and TypeScript 4.2 never meet the app's toolchain. It exits 0 even with HIGH findings,
// so this script reads its CSV report and fails on any finding above LOW that accepted.json does
// not justify. It also tries a network look-up of Electron releases, which fails offline: harmless.
//
//   node .ci/electronegativity/run.mjs [built app folder]   (default: $FAMILY_LINKS_OUT_DIR or out/)
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const projectRoot = resolve(here, '..', '..');
const input = resolve(projectRoot, process.argv[2] ?? process.env.FAMILY_LINKS_OUT_DIR ?? 'out');
const electronVersion = JSON.parse(
  readFileSync(join(projectRoot, 'node_modules/electron/package.json'), 'utf8'),
).version;
const severities = ['INFORMATIONAL', 'LOW', 'MEDIUM', 'HIGH', 'CRITICAL'];

function run(command, args, options) {
  const result = spawnSync(command, args, { stdio: 'inherit', ...options });
  if (result.status !== 0) {
    console.error(`${command} ${args.join(' ')} failed (exit ${result.status ?? result.signal})`);
    process.exit(1);
  }
}

if (!existsSync(join(here, 'node_modules/.bin/electronegativity'))) {
  run('npm', ['ci', '--no-audit', '--no-fund'], { cwd: here });
}
if (!existsSync(join(input, 'main/index.js'))) {
  console.log(`No build in ${input}: building first.`);
  run('npx', ['electron-vite', 'build'], { cwd: projectRoot });
}

const report = join(mkdtempSync(join(tmpdir(), 'electronegativity-')), 'report.csv');
run('npx', ['--no-install', 'electronegativity', '-i', input, '-e', electronVersion, '-o', report], {
  cwd: here,
});

/** RFC 4180 CSV: quoted fields may hold commas, doubled quotes and newlines. */
function parseCsv(text) {
  const rows = [];
  let row = [];
  let field = '';
  let quoted = false;
  for (let index = 0; index < text.length; index += 1) {
    const char = text[index];
    if (quoted) {
      if (char === '"' && text[index + 1] === '"') {
        field += '"';
        index += 1;
      } else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') {
      row.push(field.trim());
      field = '';
    } else if (char === '\n') {
      row.push(field.trim());
      rows.push(row);
      row = [];
      field = '';
    } else if (char !== '\r') field += char;
  }
  if (field !== '' || row.length > 0) rows.push([...row, field.trim()]);
  return rows.filter((cells) => cells.some((cell) => cell !== ''));
}

const [head, ...rows] = parseCsv(readFileSync(report, 'utf8'));
const column = (name) => head.findIndex((cell) => cell.toLowerCase() === name);
const [issueAt, severityAt, fileAt, locationAt, sampleAt] = [
  'issue',
  'severity',
  'filename',
  'location',
  'sample',
].map(column);
if ([issueAt, severityAt, fileAt, sampleAt].some((at) => at < 0)) {
  console.error(`Electronegativity's report has unexpected columns: ${head.join(', ')}`);
  process.exit(1);
}
const accepted = JSON.parse(readFileSync(join(here, 'accepted.json'), 'utf8'));
const isAccepted = (row) =>
  accepted.find(
    (entry) =>
      row[issueAt] === entry.check &&
      row[fileAt].replaceAll('\\', '/').endsWith(entry.file) &&
      row[sampleAt].includes(entry.sample),
  );

let failures = 0;
console.log(`\nElectronegativity ${electronVersion} over ${input}: ${rows.length} finding(s)`);
for (const row of rows) {
  const severity = row[severityAt].toUpperCase();
  const rank = severities.indexOf(severity);
  const justified = isAccepted(row);
  const verdict = rank <= 1 ? 'ok (low)' : justified ? 'accepted' : 'FAIL';
  if (verdict === 'FAIL') failures += 1;
  console.log(
    `  [${verdict}] ${severity} ${row[issueAt]} ${row[fileAt]}:${row[locationAt]} ${row[sampleAt]}`,
  );
  if (justified) console.log(`      why: ${justified.reason}`);
}
if (failures > 0) {
  console.error(
    `\n${failures} finding(s) above LOW with no justification in .ci/electronegativity/accepted.json: fix them, or justify them there.`,
  );
  process.exit(1);
}
console.log('\nNo unjustified finding above LOW.');
