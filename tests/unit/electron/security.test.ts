// The Electron binary cannot run here, so `electron` is replaced by a recorder of what the app
// registers; the assertions are about what those handlers do with the requests a page could make.
import { beforeEach, describe, expect, it, vi } from 'vitest';

const registered = vi.hoisted(() => ({
  permissionRequest: undefined as undefined | ((wc: unknown, permission: string, cb: (ok: boolean) => void) => void),
  permissionCheck: undefined as undefined | (() => boolean),
  beforeRequest: undefined as undefined | ((details: { url: string }, cb: (r: { cancel: boolean }) => void) => void),
  headers: undefined as
    | undefined
    | ((details: { responseHeaders: Record<string, string[]> }, cb: (r: { responseHeaders: Record<string, string[]> }) => void) => void),
  appEvents: new Map<string, (...args: unknown[]) => void>(),
  sessionEvents: new Map<string, (...args: unknown[]) => void>(),
}));

vi.mock('electron', () => ({
  app: { on: (name: string, fn: (...args: unknown[]) => void) => registered.appEvents.set(name, fn) },
  session: {
    defaultSession: {
      on: (name: string, fn: (...args: unknown[]) => void) => registered.sessionEvents.set(name, fn),
      setPermissionRequestHandler: (fn: typeof registered.permissionRequest) => (registered.permissionRequest = fn),
      setPermissionCheckHandler: (fn: typeof registered.permissionCheck) => (registered.permissionCheck = fn),
      webRequest: {
        onBeforeRequest: (fn: typeof registered.beforeRequest) => (registered.beforeRequest = fn),
        onHeadersReceived: (fn: typeof registered.headers) => (registered.headers = fn),
      },
    },
  },
}));

const { hardenContents, hardenSession, isAllowedUrl, isOwnBlobUrl, isTrustedSender } = await import('../../../src/main/electron/security');

const UUID = '1b4e28ba-2fa1-41d2-883f-0016d3cca427';

function fakeContents() {
  const handlers = new Map<string, (event: { preventDefault: () => void }, url?: string) => void>();
  let windowOpen: undefined | (() => { action: string });
  return {
    on: (name: string, fn: (event: { preventDefault: () => void }, url?: string) => void) => handlers.set(name, fn),
    setWindowOpenHandler: (fn: () => { action: string }) => (windowOpen = fn),
    fire(name: string, url?: string): boolean {
      let prevented = false;
      handlers.get(name)?.({ preventDefault: () => (prevented = true) }, url);
      return prevented;
    },
    openWindow: () => windowOpen?.(),
  };
}

describe('Electron security', () => {
  beforeEach(() => hardenSession());

  it('lets only the app protocol load', () => {
    expect(isAllowedUrl('council://app/index.html')).toBe(true);
    expect(isAllowedUrl('council://app/assets/x.js')).toBe(true);
    for (const url of [
      'https://example.com/',
      'http://127.0.0.1:8080/',
      'file:///etc/passwd',
      'council://evil/',
      'council://app.evil.com/',
      'javascript:alert(1)',
      'not a url',
    ]) {
      expect(isAllowedUrl(url)).toBe(false);
    }
  });

  it('cancels every request to anything but the app itself', () => {
    const decide = (url: string) => {
      let cancel: boolean | undefined;
      registered.beforeRequest!({ url }, (r) => (cancel = r.cancel));
      return cancel;
    };
    expect(decide('council://app/index.html')).toBe(false);
    expect(decide('https://fonts.googleapis.com/css')).toBe(true);
    expect(decide('http://localhost:3000/')).toBe(true);
    // The page's own blob: URLs (exported workbooks) pass; blob URLs of any other origin do not.
    expect(decide(`blob:council://app/${UUID}`)).toBe(false);
    expect(decide(`blob:https://evil.example/${UUID}`)).toBe(true);
    expect(decide('blob:null/' + UUID)).toBe(true);
  });

  it('recognises only our own blob: URLs', () => {
    expect(isOwnBlobUrl(`blob:council://app/${UUID}`)).toBe(true);
    for (const url of [
      `council://app/${UUID}`,
      `blob:council://evil/${UUID}`,
      `blob:council://app.evil.com/${UUID}`,
      `blob:https://example.com/${UUID}`,
      `blob:file:///${UUID}`,
      'blob:council://app/../../etc/passwd',
      `blob:council://app/${UUID}?x=1`,
      'blob:',
      'blob:not a url',
    ]) {
      expect(isOwnBlobUrl(url), url).toBe(false);
    }
    // Navigation stays closed to blob: URLs, our own included: they are only ever downloaded.
    expect(isAllowedUrl(`blob:council://app/${UUID}`)).toBe(false);
  });

  it('lets through downloads of our own blob: URLs only', () => {
    const download = (url: string) => {
      let prevented = false;
      registered.sessionEvents.get('will-download')!({ preventDefault: () => (prevented = true) }, { getURL: () => url });
      return prevented;
    };
    expect(download(`blob:council://app/${UUID}`)).toBe(false);
    expect(download('https://example.com/file.xlsx')).toBe(true);
    expect(download(`blob:https://example.com/${UUID}`)).toBe(true);
    expect(download('file:///etc/passwd')).toBe(true);
    expect(download('data:application/octet-stream;base64,AAAA')).toBe(true);
  });

  it('denies every permission and adds the strict CSP to responses', () => {
    let granted: boolean | undefined;
    registered.permissionRequest!({}, 'media', (ok) => (granted = ok));
    expect(granted).toBe(false);
    expect(registered.permissionCheck!()).toBe(false);
    let headers: Record<string, string[]> = {};
    registered.headers!({ responseHeaders: {} }, (r) => (headers = r.responseHeaders));
    expect(headers['Content-Security-Policy']?.[0]).toContain("default-src 'self'");
  });

  it('blocks navigation away, redirects away and new windows', () => {
    const contents = fakeContents();
    hardenContents(contents as never);
    expect(contents.fire('will-navigate', 'https://example.com/')).toBe(true);
    expect(contents.fire('will-navigate', 'council://app/index.html')).toBe(false);
    expect(contents.fire('will-redirect', 'https://example.com/')).toBe(true);
    expect(contents.fire('will-attach-webview')).toBe(true);
    expect(contents.openWindow()).toEqual({ action: 'deny' });
  });

  it('answers IPC only from the main window top frame showing the app', () => {
    const main = {};
    const frame = (url: string, parent: unknown = null) => ({ url, parent });
    expect(isTrustedSender({ sender: main, senderFrame: frame('council://app/index.html') }, main)).toBe(true);
    expect(isTrustedSender({ sender: {}, senderFrame: frame('council://app/index.html') }, main)).toBe(false);
    expect(isTrustedSender({ sender: main, senderFrame: frame('https://evil.example/') }, main)).toBe(false);
    expect(isTrustedSender({ sender: main, senderFrame: frame('council://app/index.html', {}) }, main)).toBe(false);
    expect(isTrustedSender({ sender: main, senderFrame: null }, main)).toBe(false);
    expect(isTrustedSender({ sender: main, senderFrame: frame('council://app/index.html') }, undefined)).toBe(false);
  });
});
