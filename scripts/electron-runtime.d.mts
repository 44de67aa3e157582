export const root: string;
export function electronVersion(): string;
export type ElectronRuntime =
  | { dir: string; executable: string; source: string; missing?: undefined }
  | { missing: string; dir?: undefined; executable?: undefined; source?: undefined };
export function findElectronRuntime(options?: { download?: boolean }): ElectronRuntime;
export function packagedApp(): { executable: string; missing?: undefined } | { missing: string; executable?: undefined };
