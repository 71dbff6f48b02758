// A recording stand-in for the `electron` module, for booting the built main process in plain
// Node (tests/unit/electron/main-boot.test.ts). It implements just what electron/main uses, notes
// every call in order (and whether it came before or after `ready`), then, once the app is ready
// and has set itself up, probes what it registered: the app:// handler, the window-open handler,
// navigation, permissions, DevTools and one IPC call from a foreign frame and one from the app.
// It writes everything to the JSON file named in its configuration and ends the process.
//
// Configuration: FAMILY_LINKS_STAND_IN, JSON { isPackaged, paths: { userData, ... }, appPath,
// resourcesPath, recordPath }. A missing export fails the boot at link time, by name.
import { writeFileSync } from 'node:fs';

type StandInConfig = {
  readonly isPackaged: boolean;
  readonly paths: Record<string, string>;
  readonly appPath: string;
  readonly resourcesPath: string;
  readonly recordPath: string;
};
type Listener = (...args: unknown[]) => unknown;
type RecordedEvent = { readonly kind: string; readonly afterReady: boolean } & Record<string, unknown>;

const config = JSON.parse(process.env['FAMILY_LINKS_STAND_IN'] ?? '{}') as StandInConfig;
// Electron sets this for the main process: where extraResources (the PDF fonts) are installed.
(process as { resourcesPath?: string }).resourcesPath = config.resourcesPath;

const events: RecordedEvent[] = [];
const probes: Record<string, unknown> = {};
let isReady = false;
let finished = false;

function note(kind: string, detail: Record<string, unknown> = {}): void {
  events.push({ kind, afterReady: isReady, ...detail });
}

/** Keeps what JSON can carry: functions become a marker, so a template's roles and labels survive. */
function plain(value: unknown): unknown {
  return JSON.parse(
    JSON.stringify(value, (_key, item: unknown) => (typeof item === 'function' ? '[function]' : item)),
  );
}

function finish(exitCode: number): void {
  if (finished) return;
  finished = true;
  writeFileSync(config.recordPath, JSON.stringify({ events, probes, exitCode }, null, 2));
  process.exit(exitCode);
}

class Emitter {
  private readonly listeners = new Map<string, Listener[]>();
  on(event: string, listener: Listener): this {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
    return this;
  }
  once(event: string, listener: Listener): this {
    return this.on(event, listener);
  }
  emit(event: string, ...args: unknown[]): void {
    for (const listener of this.listeners.get(event) ?? []) listener(...args);
  }
}

const paths: Record<string, string> = { ...config.paths };
let readyPromise: Promise<void> | undefined;

export const app = {
  isPackaged: config.isPackaged,
  getPath(name: string): string {
    const path = paths[name];
    if (!path) throw new Error(`stand-in: no path for ${name}`);
    return path;
  },
  setPath(name: string, value: string): void {
    note('app.setPath', { name, value });
    paths[name] = value;
  },
  getName: () => 'Family Links',
  getVersion: () => '0.0.0-stand-in',
  getAppPath: () => config.appPath,
  commandLine: {
    appendSwitch(name: string, value?: string): void {
      note('app.commandLine.appendSwitch', { name, value });
    },
  },
  requestSingleInstanceLock(): boolean {
    note('app.requestSingleInstanceLock');
    return true;
  },
  quit(): void {
    note('app.quit');
    finish(0);
  },
  exit(code?: number): void {
    note('app.exit', { code });
    finish(code ?? 0);
  },
  on(event: string, _listener: Listener) {
    note('app.on', { event });
    return app;
  },
  whenReady(): Promise<void> {
    readyPromise ??= new Promise((resolve) => {
      setTimeout(() => {
        isReady = true;
        note('ready');
        resolve();
        // The ready callbacks have run by the next turn; give async set-up a moment, then probe.
        setTimeout(() => {
          probe().then(
            () => finish(0),
            (error: unknown) => {
              probes['error'] = error instanceof Error ? (error.stack ?? error.message) : String(error);
              finish(0);
            },
          );
        }, 150);
      }, 0);
    });
    return readyPromise;
  },
};

type WindowOpenHandler = (details: { url: string }) => { action?: string } | undefined;

class WebContents extends Emitter {
  windowOpenHandler: WindowOpenHandler | undefined;
  readonly mainFrame = { url: 'app://family-links/index.html' };
  setWindowOpenHandler(handler: WindowOpenHandler): void {
    note('webContents.setWindowOpenHandler');
    this.windowOpenHandler = handler;
  }
  send(channel: string): void {
    note('webContents.send', { channel });
  }
  closeDevTools(): void {
    note('webContents.closeDevTools');
  }
  openDevTools(): void {
    note('webContents.openDevTools');
  }
  override on(event: string, listener: Listener): this {
    note('webContents.on', { event });
    return super.on(event, listener);
  }
}

const windows: BrowserWindow[] = [];

export class BrowserWindow extends Emitter {
  readonly webContents = new WebContents();
  constructor(options: unknown) {
    super();
    note('new BrowserWindow', { options: plain(options) });
    windows.push(this);
  }
  static getAllWindows(): BrowserWindow[] {
    return [...windows];
  }
  loadURL(url: string): Promise<void> {
    note('window.loadURL', { url });
    return Promise.resolve();
  }
  show(): void {
    note('window.show');
  }
  isDestroyed = () => false;
  isMinimized = () => false;
  restore(): void {}
  focus(): void {}
}

type BuiltMenu = { readonly template: unknown };
let applicationMenu: BuiltMenu | null = null;
export const Menu = {
  buildFromTemplate: (template: unknown): BuiltMenu => ({ template: plain(template) }),
  setApplicationMenu(menu: BuiltMenu | null): void {
    note('Menu.setApplicationMenu', { template: menu?.template ?? null });
    applicationMenu = menu;
  },
  getApplicationMenu: () => applicationMenu,
};

type SchemeHandler = (request: Request) => Response | Promise<Response>;
const schemeHandlers = new Map<string, SchemeHandler>();
export const protocol = {
  registerSchemesAsPrivileged(schemes: unknown): void {
    note('protocol.registerSchemesAsPrivileged', { schemes: plain(schemes) });
  },
  handle(scheme: string, handler: SchemeHandler): void {
    note('protocol.handle', { scheme });
    schemeHandlers.set(scheme, handler);
  },
};

export const net = {
  fetch(url: string | URL): Promise<Response> {
    note('net.fetch', { url: String(url) });
    return Promise.resolve(new Response('<!doctype html><title>dev server</title>', { status: 200 }));
  },
};

type PermissionRequestHandler = (
  contents: unknown,
  permission: string,
  callback: (granted: boolean) => void,
) => void;
let permissionRequestHandler: PermissionRequestHandler | undefined;
export const session = {
  defaultSession: {
    setPermissionRequestHandler(handler: PermissionRequestHandler): void {
      note('session.setPermissionRequestHandler');
      permissionRequestHandler = handler;
    },
    setPermissionCheckHandler(_handler: unknown): void {
      note('session.setPermissionCheckHandler');
    },
    setDevicePermissionHandler(_handler: unknown): void {
      note('session.setDevicePermissionHandler');
    },
  },
};

type IpcHandler = (event: unknown, payload: unknown) => Promise<unknown>;
const ipcHandlers = new Map<string, IpcHandler>();
export const ipcMain = {
  handle(channel: string, handler: IpcHandler): void {
    note('ipcMain.handle', { channel });
    ipcHandlers.set(channel, handler);
  },
};

export const shell = {
  openExternal(url: string): Promise<void> {
    note('shell.openExternal', { url });
    return Promise.resolve();
  },
};

export const dialog = {
  showOpenDialog(options?: { title?: string }) {
    note('dialog.showOpenDialog', { title: options?.title });
    return Promise.resolve({ canceled: true, filePaths: [] as string[] });
  },
  showSaveDialog(options?: { title?: string }) {
    note('dialog.showSaveDialog', { title: options?.title });
    return Promise.resolve({ canceled: true, filePath: '' });
  },
  showErrorBox(title: string): void {
    note('dialog.showErrorBox', { title });
  },
};

export const powerMonitor = {
  on(event: string, _listener: Listener): void {
    note('powerMonitor.on', { event });
  },
};

// Reversible, and plainly not protection: enough for the services to store and read back.
export const safeStorage = {
  isEncryptionAvailable: () => true,
  encryptString: (text: string) => Buffer.from(`stand-in:${text}`, 'utf8'),
  decryptString: (data: Buffer) =>
    Buffer.from(data)
      .toString('utf8')
      .replace(/^stand-in:/, ''),
  getSelectedStorageBackend: () => 'gnome_libsecret',
};

/** What the app set up, exercised the way Chromium and the page would. */
async function probe(): Promise<void> {
  const handler = schemeHandlers.get('app');
  if (handler) {
    const before = events.length;
    const response = await handler(new Request('app://family-links/index.html'));
    probes['appScheme'] = {
      status: response.status,
      csp: response.headers.get('Content-Security-Policy'),
      fetched: events
        .slice(before)
        .filter((event) => event.kind === 'net.fetch')
        .map((event) => event['url']),
    };
  }

  const [window] = windows;
  if (window) {
    const contents = window.webContents;
    const windowOpen: unknown[] = [];
    for (const url of [
      'https://evil.example/',
      'http://evil.example/',
      'file:///etc/passwd',
      'javascript:alert(1)',
      'mailto:someone@example.org?subject=Hello',
      'mailto:a@example.org,b@example.org',
    ]) {
      const before = events.length;
      const decision = contents.windowOpenHandler?.({ url });
      windowOpen.push({
        url,
        action: decision?.action ?? null,
        openedExternally: events
          .slice(before)
          .some((event) => event.kind === 'shell.openExternal' && event['url'] === url),
      });
    }
    probes['windowOpen'] = windowOpen;
    const navigation: unknown[] = [];
    for (const url of ['https://evil.example/', 'app://family-links/other', 'app://evil/index.html']) {
      let prevented = false;
      contents.emit('will-navigate', { preventDefault: () => (prevented = true) }, url);
      navigation.push({ url, prevented });
    }
    probes['navigation'] = navigation;
    const before = events.length;
    contents.emit('devtools-opened');
    probes['devToolsClosedWhenOpened'] = events
      .slice(before)
      .some((event) => event.kind === 'webContents.closeDevTools');
  }

  if (permissionRequestHandler) {
    let granted: boolean | undefined;
    permissionRequestHandler(null, 'media', (answer) => (granted = answer));
    probes['permissionGranted'] = granted;
  }

  const info = ipcHandlers.get('app:get-info');
  if (info) {
    const call = (url: string) => {
      const frame = { url };
      return info({ senderFrame: frame, sender: { mainFrame: frame } }, {});
    };
    probes['ipcFromApp'] = await call('app://family-links/index.html');
    probes['ipcFromElsewhere'] = await call('https://evil.example/');
  }
}
