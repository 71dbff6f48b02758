/**
 * The renderer's Content-Security-Policy: only the app's own code and styles, no remote anything,
 * no inline script, no plugins, no framing. `wasm-unsafe-eval` lets the Argon2id WebAssembly run
 * (it permits compiling WebAssembly only, not `eval`). In development the dev server's websocket is
 * allowed for hot reload.
 */
export function contentSecurityPolicy(options: { devServerUrl?: string } = {}): string {
  const connect = ["'self'"];
  if (options.devServerUrl) {
    const dev = new URL(options.devServerUrl);
    connect.push(dev.origin, `ws://${dev.host}`);
  }
  return [
    "default-src 'none'",
    "script-src 'self' 'wasm-unsafe-eval'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    `connect-src ${connect.join(' ')}`,
    "worker-src 'self' blob:",
    "manifest-src 'self'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
    "frame-src 'none'",
    "object-src 'none'",
  ].join('; ');
}
