// Files in and out of the page, the same way in Electron and in the browser: a workbook is read in
// the page and sent to the API as base64; an exported workbook comes back as base64 and is saved
// through a Blob and an <a download> (Electron shows its save dialog; the browser its download).

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Read a file as base64, reporting progress (0..1) as it goes. */
export function readFileBase64(file: File, onProgress?: (share: number) => void): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onprogress = (e) => {
      if (e.lengthComputable && e.total > 0) onProgress?.(e.loaded / e.total);
    };
    reader.onerror = () => reject(new Error(`${file.name}: ファイルを読み込めません(${reader.error?.message ?? '不明なエラー'})。`));
    reader.onload = () => {
      const url = String(reader.result ?? '');
      // A data URL: `data:<type>;base64,<data>`.
      resolve(url.slice(url.indexOf(',') + 1));
    };
    reader.readAsDataURL(file);
  });
}

function base64Bytes(base64: string): Uint8Array<ArrayBuffer> {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** Save bytes (base64) as a file download named `fileName`. */
export function saveBase64(fileName: string, base64: string, type = XLSX_TYPE): void {
  const url = URL.createObjectURL(new Blob([base64Bytes(base64)], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.rel = 'noopener';
  a.style.display = 'none';
  // Inside an open modal dialog if there is one: the rest of the page is inert then.
  (document.querySelector('dialog[open]') ?? document.body).append(a);
  a.click();
  a.remove();
  // The download has taken the blob by the next tasks; keep it a while for slow save dialogs.
  window.setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** Whether a file looks like a workbook this app can read (by name: the API checks the contents). */
export function isXlsxName(name: string): boolean {
  return /\.xlsx$/i.test(name);
}

export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}
