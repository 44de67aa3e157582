// The only things the page gets from the main process: one invoke function over one IPC channel,
// the application-menu commands (only the known command names get through), and print to PDF.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { COMMAND_CHANNEL, IPC_CHANNEL, PDF_CHANNEL, isAppCommand, type AppCommand, type Bridge, type PdfOutcome } from '../shared/api';

const bridge = {
  invoke: (method: string, args: unknown) => ipcRenderer.invoke(IPC_CHANNEL, method, args),
  onCommand: (listener: (command: AppCommand) => void) => {
    const handler = (_event: IpcRendererEvent, command: unknown) => {
      if (isAppCommand(command)) listener(command);
    };
    ipcRenderer.on(COMMAND_CHANNEL, handler);
    return () => {
      ipcRenderer.removeListener(COMMAND_CHANNEL, handler);
    };
  },
  printToPdf: (suggestedName: string) => ipcRenderer.invoke(PDF_CHANNEL, suggestedName) as Promise<PdfOutcome>,
} satisfies Bridge;

contextBridge.exposeInMainWorld('councilDesk', bridge);
