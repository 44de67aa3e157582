// Locking the Electron session down for a machine in a secure room: the UI comes only from the
// app's own protocol, nothing navigates away, nothing opens windows, no permission is granted, and
// every request to anything but the app's own files is cancelled.
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
  ses.webRequest.onBeforeRequest((details, callback) => callback({ cancel: !isAllowedUrl(details.url) }));
  // Reviewed: the policy is the strict one in security-policy.ts (default-src 'self', no inline
  // script, no remote origin); the tool flags every CSP for manual review.
  ses.webRequest.onHeadersReceived((details, callback) => { // eng-disable CSP_GLOBAL_CHECK
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
