/**
 * The application menu. Electron's default menu carries Reload, Force Reload and Toggle Developer
 * Tools (with their shortcuts: Ctrl+R, Ctrl+Shift+I, F12), so a packaged build always sets its
 * own: editing, zoom and the window, nothing that reloads the page or opens DevTools. Anyone at a
 * shared computer could otherwise open DevTools on a signed-in session and read or change what the
 * page holds. A development build adds a Developer menu with both.
 *
 * Plain data, no `electron` import, so the unit tests can read it; the roles named here are a
 * subset of Electron's `MenuItemConstructorOptions['role']`.
 */
export type MenuRole =
  | 'about'
  | 'hide'
  | 'hideOthers'
  | 'unhide'
  | 'quit'
  | 'undo'
  | 'redo'
  | 'cut'
  | 'copy'
  | 'paste'
  | 'pasteAndMatchStyle'
  | 'delete'
  | 'selectAll'
  | 'resetZoom'
  | 'zoomIn'
  | 'zoomOut'
  | 'togglefullscreen'
  | 'minimize'
  | 'close'
  | 'reload'
  | 'forceReload'
  | 'toggleDevTools';

export type MenuTemplateItem =
  | { readonly type: 'separator' }
  | { readonly role: MenuRole; readonly label?: string }
  | { readonly label: string; submenu: MenuTemplateItem[]; readonly role?: 'appMenu' };

/** Roles that reload the page or open DevTools: never in a packaged build's menu. */
export const developerRoles: ReadonlySet<MenuRole> = new Set(['reload', 'forceReload', 'toggleDevTools']);

const separator = { type: 'separator' } as const;

export function applicationMenuTemplate(options: {
  readonly isPackaged: boolean;
  readonly platform: NodeJS.Platform;
}): MenuTemplateItem[] {
  const isMac = options.platform === 'darwin';
  const template: MenuTemplateItem[] = [];
  if (isMac)
    template.push({
      label: 'Family Links',
      role: 'appMenu',
      submenu: [
        { role: 'about' },
        separator,
        { role: 'hide' },
        { role: 'hideOthers' },
        { role: 'unhide' },
        separator,
        { role: 'quit' },
      ],
    });
  else template.push({ label: 'File', submenu: [{ role: 'quit', label: 'Exit' }] });
  template.push(
    {
      label: 'Edit',
      submenu: [
        { role: 'undo' },
        { role: 'redo' },
        separator,
        { role: 'cut' },
        { role: 'copy' },
        { role: 'paste' },
        ...(isMac ? [{ role: 'pasteAndMatchStyle' } as const] : []),
        { role: 'delete' },
        separator,
        { role: 'selectAll' },
      ],
    },
    {
      label: 'View',
      submenu: [
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        separator,
        { role: 'togglefullscreen' },
      ],
    },
    { label: 'Window', submenu: [{ role: 'minimize' }, { role: 'close' }] },
  );
  if (!options.isPackaged)
    template.push({
      label: 'Developer',
      submenu: [{ role: 'reload' }, { role: 'forceReload' }, { role: 'toggleDevTools' }],
    });
  return template;
}

/** Every role anywhere in a template, submenus included. */
export function rolesIn(template: readonly MenuTemplateItem[]): MenuRole[] {
  return template.flatMap((item) => {
    if ('submenu' in item) return rolesIn(item.submenu);
    return 'role' in item ? [item.role] : [];
  });
}
