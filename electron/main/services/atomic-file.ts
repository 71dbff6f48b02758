import { randomBytes } from 'node:crypto';
import { link, mkdir, open, rename, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';

/**
 * Writes `data` to `path` so that a reader sees the old file or the new one, never half of
 * either: a temporary file in the same folder, flushed to disk, then renamed over the target, and
 * then the folder itself flushed, so that after a power cut the rename is there too (without it,
 * the new name can vanish while the old one is gone, on ext4 and others).
 */
export async function writeFileAtomically(path: string, data: string | Uint8Array): Promise<void> {
  const folder = dirname(path);
  await mkdir(folder, { recursive: true });
  const temporary = await writeTemporary(folder, data);
  try {
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
  await syncFolder(folder);
}

/**
 * Writes `data` at `path` only if nothing is there yet: `created`, or `exists` (nothing written).
 * The check and the creation are one step for the file system, so two writers racing for one
 * name cannot both win, as they could by looking first and renaming after. Where it can, the
 * file is published whole (a flushed temporary file hard-linked to the name, which fails if the
 * name is taken); on a file system without hard links (some network shares) it is created with
 * O_EXCL and written in place, and removed again if the write fails.
 */
export async function writeFileExclusively(
  path: string,
  data: string | Uint8Array,
): Promise<'created' | 'exists'> {
  const folder = dirname(path);
  await mkdir(folder, { recursive: true });
  const temporary = await writeTemporary(folder, data);
  let linked: 'created' | 'exists' | 'no-links';
  try {
    await link(temporary, path);
    linked = 'created';
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') linked = 'exists';
    else if (code === 'EPERM' || code === 'ENOTSUP' || code === 'EOPNOTSUPP' || code === 'ENOSYS')
      linked = 'no-links';
    else {
      await rm(temporary, { force: true });
      throw error;
    }
  }
  await rm(temporary, { force: true });
  if (linked === 'no-links') return createInPlace(path, data);
  if (linked === 'created') await syncFolder(folder);
  return linked;
}

async function createInPlace(path: string, data: string | Uint8Array): Promise<'created' | 'exists'> {
  let handle;
  try {
    handle = await open(path, 'wx', 0o600);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return 'exists';
    throw error;
  }
  try {
    await handle.writeFile(data);
    await handle.sync();
    await handle.close();
  } catch (error) {
    await handle.close().catch(() => undefined);
    await rm(path, { force: true });
    throw error;
  }
  await syncFolder(dirname(path));
  return 'created';
}

async function writeTemporary(folder: string, data: string | Uint8Array): Promise<string> {
  const temporary = join(folder, `.${randomBytes(6).toString('hex')}.tmp`);
  try {
    const handle = await open(temporary, 'wx', 0o600);
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    return temporary;
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}

/**
 * Flushes a folder's entries to disk. Windows cannot open a folder as a file (and its file systems
 * make a rename durable without this), and some network file systems refuse to sync one: those
 * answers are not failures of the write.
 */
export async function syncFolder(folder: string): Promise<void> {
  if (process.platform === 'win32') return;
  let handle;
  try {
    handle = await open(folder, 'r');
  } catch (error) {
    if (isUnsupportedSync(error)) return;
    throw error;
  }
  try {
    await handle.sync();
  } catch (error) {
    if (!isUnsupportedSync(error)) throw error;
  } finally {
    await handle.close();
  }
}

function isUnsupportedSync(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return (
    code === 'EISDIR' || code === 'EINVAL' || code === 'ENOTSUP' || code === 'EOPNOTSUPP' || code === 'EPERM'
  );
}
