/** Build the app (electron-vite) when out/ is missing or older than any source file. */
export function buildIfStale(root: string, options?: { force?: boolean }): void;
