// The only thing the page gets from the main process: one invoke function over one IPC channel.
import { contextBridge, ipcRenderer } from 'electron';
import { IPC_CHANNEL, type Bridge } from '../shared/api';

const bridge = {
  invoke: (method: string, args: unknown) => ipcRenderer.invoke(IPC_CHANNEL, method, args),
} satisfies Bridge;

contextBridge.exposeInMainWorld('councilDesk', bridge);
