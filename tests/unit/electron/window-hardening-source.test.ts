import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { hardenedWebPreferences } from './hardened-web-preferences';

// Static checks of the source, on purpose: the Electron binary cannot be downloaded on the build
// machines, so the window and the preload can never actually run here, and importing them from
// plain Node would try to download Electron. Reading their syntax tree is the next best thing: it
// catches a hardening flag turned off or `ipcRenderer` handed to the page. On a machine with the
// binary, an end-to-end check against the real window should back these up.

const projectRoot = resolve(import.meta.dirname, '../../..');

function parse(relativePath: string): ts.SourceFile {
  const text = readFileSync(resolve(projectRoot, relativePath), 'utf8');
  return ts.createSourceFile(relativePath, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
}

function descendants(node: ts.Node): ts.Node[] {
  const found: ts.Node[] = [];
  const visit = (child: ts.Node): void => {
    found.push(child);
    ts.forEachChild(child, visit);
  };
  ts.forEachChild(node, visit);
  return found;
}

/** Calls such as `x.name(...)` or `name(...)`. */
function callsNamed(root: ts.Node, name: string): ts.CallExpression[] {
  return descendants(root).filter((node): node is ts.CallExpression => {
    if (!ts.isCallExpression(node)) return false;
    const callee = node.expression;
    return (
      (ts.isPropertyAccessExpression(callee) && callee.name.text === name) ||
      (ts.isIdentifier(callee) && callee.text === name)
    );
  });
}

function propertyOf(object: ts.ObjectLiteralExpression, name: string): ts.Expression | undefined {
  for (const property of object.properties) {
    if (ts.isPropertyAssignment(property) && property.name.getText() === name) return property.initializer;
  }
  return undefined;
}

describe('the preload exposes window.api and nothing else', () => {
  const preload = parse('electron/preload/index.ts');
  const exposures = callsNamed(preload, 'exposeInMainWorld');

  it('calls exposeInMainWorld exactly once, for "api"', () => {
    expect(exposures).toHaveLength(1);
    const [key] = exposures[0]?.arguments ?? [];
    expect(key && ts.isStringLiteral(key) ? key.text : key?.getText()).toBe('api');
  });

  it('never hands ipcRenderer (or one of its methods) to the page, only calls it', () => {
    const exposed = exposures[0]?.arguments[1];
    expect(exposed).toBeDefined();
    if (!exposed) return;
    // Every mention of ipcRenderer inside what is exposed must be `ipcRenderer.method(...)`:
    // a bare `ipcRenderer`, or `ipcRenderer.send` passed as a value, would give the page raw IPC.
    const mentions = descendants(exposed).filter(
      (node) => ts.isIdentifier(node) && node.text === 'ipcRenderer',
    );
    expect(mentions.length).toBeGreaterThan(0);
    for (const mention of mentions) {
      const access = mention.parent;
      const isCalledMethod =
        ts.isPropertyAccessExpression(access) &&
        access.expression === mention &&
        ts.isCallExpression(access.parent) &&
        access.parent.expression === access;
      expect(isCalledMethod, `ipcRenderer used as a value: ${access.getText()}`).toBe(true);
    }
  });

  it('does not expose anything through other globals', () => {
    const text = preload.getFullText();
    expect(text).not.toMatch(/\bwindow\s*\.\s*\w+\s*=/);
    expect(text).not.toMatch(/globalThis/);
  });
});

describe('the main window is hardened', () => {
  const windowSource = parse('electron/main/window.ts');
  const created = descendants(windowSource).filter(
    (node): node is ts.NewExpression =>
      ts.isNewExpression(node) && node.expression.getText() === 'BrowserWindow',
  );

  it('creates exactly one BrowserWindow', () => {
    expect(created).toHaveLength(1);
  });

  const options = created[0]?.arguments?.[0];
  const webPreferences =
    options && ts.isObjectLiteralExpression(options) ? propertyOf(options, 'webPreferences') : undefined;

  it.each(hardenedWebPreferences)('sets webPreferences.%s to %s, literally', (name, value) => {
    expect(webPreferences && ts.isObjectLiteralExpression(webPreferences)).toBe(true);
    if (!webPreferences || !ts.isObjectLiteralExpression(webPreferences)) return;
    expect(propertyOf(webPreferences, name)?.kind).toBe(
      value ? ts.SyntaxKind.TrueKeyword : ts.SyntaxKind.FalseKeyword,
    );
  });

  it('has no spread in webPreferences that could turn a setting back', () => {
    if (!webPreferences || !ts.isObjectLiteralExpression(webPreferences))
      throw new Error('webPreferences is not an object literal');
    expect(webPreferences.properties.filter(ts.isSpreadAssignment)).toEqual([]);
  });

  it('denies every new window: each return of the window-open handler is { action: "deny" }', () => {
    const handlers = callsNamed(windowSource, 'setWindowOpenHandler');
    expect(handlers).toHaveLength(1);
    const handler = handlers[0]?.arguments[0];
    if (!handler || !(ts.isArrowFunction(handler) || ts.isFunctionExpression(handler)))
      throw new Error('the handler is not an inline function');
    const returned = ts.isBlock(handler.body)
      ? descendants(handler.body)
          .filter(ts.isReturnStatement)
          .map((statement) => statement.expression)
      : [handler.body];
    expect(returned.length).toBeGreaterThan(0);
    for (const expression of returned) {
      const value =
        expression && ts.isParenthesizedExpression(expression) ? expression.expression : expression;
      expect(value && ts.isObjectLiteralExpression(value), value?.getText()).toBe(true);
      if (value && ts.isObjectLiteralExpression(value))
        expect(propertyOf(value, 'action')?.getText()).toBe("'deny'");
    }
  });

  it('stops navigation away from the app and webviews', () => {
    const listened = callsNamed(windowSource, 'on').map((call) => call.arguments[0]?.getText());
    expect(listened).toEqual(
      expect.arrayContaining(["'will-navigate'", "'will-redirect'", "'will-attach-webview'"]),
    );
  });
});
