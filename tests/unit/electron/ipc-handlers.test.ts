import { describe, expect, it } from 'vitest';
import { ipcChannels, ipcContract } from '../../../shared/ipc/contract';
import { appEntryUrl } from '../../../electron/main/app-origin';
import { mainRig } from './main-rig';

// The real contract, the real handlers and the real router, wired as electron/main/index.ts wires
// them (minus Electron itself).
function realRouter() {
  const rig = mainRig();
  return { handlers: rig.handlers, router: rig.router, log: rig.log };
}

describe('the main process handles every channel of the contract', () => {
  it('has exactly one handler per channel', () => {
    const { handlers } = realRouter();
    expect(Object.keys(handlers).sort()).toEqual([...ipcChannels].sort());
    expect(ipcChannels.length).toBeGreaterThan(0);
  });

  it('answers app:get-info within its contract', async () => {
    const { router, log } = realRouter();
    const result = await router.dispatch('app:get-info', {}, { url: appEntryUrl });
    expect(result).toEqual({
      ok: true,
      value: expect.objectContaining({
        name: 'Family Links',
        version: '0.1.0',
        runtime: 'electron',
      }) as unknown,
    });
    if (result.ok) expect(ipcContract['app:get-info'].reply.safeParse(result.value).success).toBe(true);
    expect(log).toEqual([]);
  });

  it('refuses app:get-info with anything in its request', async () => {
    const { router } = realRouter();
    const result = await router.dispatch('app:get-info', { includeSecrets: true }, { url: appEntryUrl });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
  });
});
