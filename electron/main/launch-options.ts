/**
 * What the environment and the command line may change about a run, decided once at start-up.
 *
 * A packaged build (what a home installs) takes nothing from its environment: someone at a shared
 * office computer could otherwise start it with `ELECTRON_RENDERER_URL` naming a page of their own
 * (which would then run with the app's bridge and origin), or with `FAMILY_LINKS_USER_DATA` naming
 * a folder of theirs (a planted audit anchor, mail settings or case-file folder). Development
 * builds honour both, and even then the dev server must be on this computer.
 *
 * Chromium's remote debugging switches hand the page to any program that connects, which is
 * DevTools by another door: a packaged build refuses to start with them. (Node's `--inspect` is
 * switched off by the `enableNodeCliInspectArguments` fuse in electron-builder.yml.)
 *
 * Plain Node, no `electron` import: the boot test and the unit tests call it directly.
 */
export type LaunchOptions = {
  readonly isPackaged: boolean;
  /** The electron-vite dev server to proxy under app://, development builds only. */
  readonly devServerUrl?: string;
  /** A profile folder of its own (the end-to-end specs, trying things out), development builds only. */
  readonly userDataOverride?: string;
  /** Settings ignored because this is a packaged build, or because they were not safe: for the log. */
  readonly ignored: readonly string[];
  /** Command-line switches that stop a packaged build from starting at all. */
  readonly refusedSwitches: readonly string[];
};

/** Switches that open the running app to a debugger. */
export const debuggingSwitches = [
  'remote-debugging-port',
  'remote-debugging-pipe',
  'remote-debugging-address',
  'remote-allow-origins',
  'inspect',
  'inspect-brk',
  'inspect-port',
  'inspect-publish-uid',
] as const;

/** The environment variables only a development build reads. */
export const developmentEnvironmentVariables = ['ELECTRON_RENDERER_URL', 'FAMILY_LINKS_USER_DATA'] as const;

const loopbackHosts = new Set(['localhost', '127.0.0.1', '[::1]']);

/** True for an http(s) URL on this computer: the only dev server a development build will proxy. */
export function isLoopbackDevServer(url: string): boolean {
  try {
    const parsed = new URL(url);
    return (
      (parsed.protocol === 'http:' || parsed.protocol === 'https:') && loopbackHosts.has(parsed.hostname)
    );
  } catch {
    return false;
  }
}

/** The switch names on a command line (`--name` or `--name=value`), without their dashes or values. */
function switchesOn(argv: readonly string[]): Set<string> {
  const names = new Set<string>();
  for (const argument of argv) {
    const match = /^--?([A-Za-z0-9-]+)(?:=.*)?$/.exec(argument);
    if (match?.[1]) names.add(match[1].toLowerCase());
  }
  return names;
}

export function launchOptions(input: {
  readonly isPackaged: boolean;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly argv: readonly string[];
}): LaunchOptions {
  const ignored: string[] = [];
  const present = (name: (typeof developmentEnvironmentVariables)[number]) => {
    const value = input.env[name];
    return value === undefined || value === '' ? undefined : value;
  };
  if (input.isPackaged) {
    for (const name of developmentEnvironmentVariables) if (present(name) !== undefined) ignored.push(name);
    const switches = switchesOn(input.argv);
    const refusedSwitches = debuggingSwitches.filter((name) => switches.has(name));
    return { isPackaged: true, ignored, refusedSwitches };
  }
  const devServer = present('ELECTRON_RENDERER_URL');
  const userData = present('FAMILY_LINKS_USER_DATA');
  let devServerUrl: string | undefined;
  if (devServer !== undefined) {
    if (isLoopbackDevServer(devServer)) devServerUrl = devServer;
    else ignored.push('ELECTRON_RENDERER_URL');
  }
  return {
    isPackaged: false,
    ...(devServerUrl ? { devServerUrl } : {}),
    ...(userData ? { userDataOverride: userData } : {}),
    ignored,
    refusedSwitches: [],
  };
}
