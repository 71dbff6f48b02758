import { describe, expect, it } from 'vitest';
import { applicationMenuTemplate, developerRoles, rolesIn } from '../../../electron/main/app-menu';
import { isLoopbackDevServer, launchOptions } from '../../../electron/main/launch-options';

const planted = {
  ELECTRON_RENDERER_URL: 'http://localhost:5173',
  FAMILY_LINKS_USER_DATA: '/tmp/someone-elses-profile',
};

describe('launch options', () => {
  it('a packaged build reads no development variable, and says which it ignored', () => {
    expect(launchOptions({ isPackaged: true, env: planted, argv: ['FamilyLinks.exe'] })).toEqual({
      isPackaged: true,
      ignored: ['ELECTRON_RENDERER_URL', 'FAMILY_LINKS_USER_DATA'],
      refusedSwitches: [],
    });
  });

  it('a development build honours both', () => {
    expect(launchOptions({ isPackaged: false, env: planted, argv: [] })).toEqual({
      isPackaged: false,
      devServerUrl: 'http://localhost:5173',
      userDataOverride: '/tmp/someone-elses-profile',
      ignored: [],
      refusedSwitches: [],
    });
  });

  it('empty values count as unset', () => {
    expect(
      launchOptions({
        isPackaged: false,
        env: { ELECTRON_RENDERER_URL: '', FAMILY_LINKS_USER_DATA: '' },
        argv: [],
      }),
    ).toEqual({ isPackaged: false, ignored: [], refusedSwitches: [] });
  });

  it.each([
    ['http://localhost:5173', true],
    ['http://127.0.0.1:5173/', true],
    ['http://[::1]:5173', true],
    ['https://localhost:5173', true],
    ['http://localhost.evil.example:5173', false],
    ['http://evil.example', false],
    ['file:///tmp/index.html', false],
    ['javascript:alert(1)', false],
    ['not a url', false],
  ])('a development build proxies %s only if it is on this computer (%s)', (url, isAllowed) => {
    expect(isLoopbackDevServer(url)).toBe(isAllowed);
    const options = launchOptions({ isPackaged: false, env: { ELECTRON_RENDERER_URL: url }, argv: [] });
    expect(options.devServerUrl).toBe(isAllowed ? url : undefined);
    expect(options.ignored).toEqual(isAllowed ? [] : ['ELECTRON_RENDERER_URL']);
  });

  it.each([
    [['--remote-debugging-port=9222'], ['remote-debugging-port']],
    [['--remote-debugging-pipe'], ['remote-debugging-pipe']],
    [
      ['--inspect=9229', '--inspect-brk'],
      ['inspect', 'inspect-brk'],
    ],
    [['--REMOTE-DEBUGGING-PORT=1'], ['remote-debugging-port']],
    [['--lang=en-GB', 'C:\\Users\\Office\\notes.txt'], []],
  ])('a packaged build started with %j refuses %j', (argv, refused) => {
    expect(launchOptions({ isPackaged: true, env: {}, argv }).refusedSwitches).toEqual(refused);
  });

  it('a development build may be debugged', () => {
    expect(
      launchOptions({ isPackaged: false, env: {}, argv: ['--remote-debugging-port=9222'] }).refusedSwitches,
    ).toEqual([]);
  });
});

describe('the application menu', () => {
  it.each(['win32', 'linux', 'darwin'] as const)(
    'packaged on %s: no reload and no developer tools, editing kept',
    (platform) => {
      const roles = rolesIn(applicationMenuTemplate({ isPackaged: true, platform }));
      for (const role of developerRoles) expect(roles).not.toContain(role);
      expect(roles).toEqual(expect.arrayContaining(['undo', 'cut', 'copy', 'paste', 'selectAll', 'quit']));
    },
  );

  it('a development build adds reload and the developer tools', () => {
    const roles = rolesIn(applicationMenuTemplate({ isPackaged: false, platform: 'linux' }));
    expect(roles).toEqual(expect.arrayContaining([...developerRoles]));
  });
});
