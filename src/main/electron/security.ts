// Locking the Electron session down for a machine in a secure room: the UI comes only from the
// app's own protocol, nothing navigates away, nothing opens windows, no permission is granted, and
// every request to anything but the app's own files is cancelled. The one exception is a download
// of a `blob:` URL the page itself created (the exported workbooks): allowed, and nothing else is.
import { app, session, type WebContents } from 'electron';
import { CONTENT_SECURITY_POLICY } from '../security-policy';

export const APP_SCHEME = 'council';
export const APP_ORIGIN = `${APP_SCHEME}://app`;

/** Only the app's own origin and DevTools' internal pages may load. */
export function isAllowedUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return (parsed.protocol === `${APP_SCHEME}:` && parsed.host === 'app') || parsed.protocol === 'devtools:';
  } catch {
    return false;
  }
}

/** A `blob:` URL created by our own page (blob:council://app/<uuid>): the exported workbooks. */
export function isOwnBlobUrl(url: string): boolean {
  if (!url.startsWith('blob:')) return false;
  try {
    const inner = new URL(url.slice('blob:'.length));
    return (
      inner.protocol === `${APP_SCHEME}:` &&
      inner.host === 'app' &&
      /^\/[0-9a-f-]{36}$/i.test(inner.pathname) &&
      !inner.search &&
      !inner.hash
    );
  } catch {
    return false;
  }
}

/** Requests the session lets through: the app's own files, and its own blob URLs. */
export function isAllowedRequest(url: string): boolean {
  return isAllowedUrl(url) || isOwnBlobUrl(url);
}

/** The IPC door answers only our own window's top frame showing our own page. */
export function isTrustedSender(
  event: { sender: unknown; senderFrame?: { url: string; parent: unknown } | null },
  mainContents: unknown,
): boolean {
  const frame = event.senderFrame;
  return Boolean(mainContents) && event.sender === mainContents && !!frame && !frame.parent && isAllowedUrl(frame.url);
}

export function hardenSession(): void {
  const ses = session.defaultSession;
  ses.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
  ses.webRequest.onBeforeRequest((details, callback) => callback({ cancel: !isAllowedRequest(details.url) }));
  // Downloads: only the workbooks the page made (its own blob: URLs); Electron then shows the usual
  // save dialog with the suggested file name. Anything else (a link in imported text) is cancelled.
  ses.on('will-download', (event, item) => {
    if (!isOwnBlobUrl(item.getURL())) event.preventDefault();
  });
  // Reviewed: the policy is the strict one in security-policy.ts (default-src 'self', no inline
  // script, no remote origin); the tool flags every CSP for manual review.
  ses.webRequest.onHeadersReceived((details, callback) => {
    // eng-disable CSP_GLOBAL_CHECK
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] } }); // eng-disable CSP_GLOBAL_CHECK
  });
}

export function hardenContents(contents: WebContents): void {
  contents.on('will-navigate', (event, url) => {
    if (!isAllowedUrl(url)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!isAllowedUrl(url)) event.preventDefault();
  });
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

/** Every web contents created later gets the same rules. */
export function hardenAllContents(): void {
  app.on('web-contents-created', (_event, contents) => hardenContents(contents));
}
