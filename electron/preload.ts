// The page's only way to the main process: one named function per contract
// method, the job-progress event and the menu commands. ipcRenderer itself,
// and any function taking a channel name, stay on this side of the bridge.
// This runs sandboxed and is bundled to one CommonJS file, so it imports
// nothing that pulls in Node modules or the contract's validators.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { JOB_PROGRESS_CHANNEL, type PreloadBridge } from '../shared/bridge.js';
import type { JobProgress } from '../shared/contract.js';
import { createInvoke } from './shell/bridgeInvoke.js';
import {
  MENU_COMMAND_CHANNEL,
  type MenuCommand,
} from '../shared/menuCommands.js';

function subscribe<T>(
  channel: string,
  listener: (payload: T) => void,
): () => void {
  // The IPC event object stays here: it carries a handle back to ipcRenderer.
  const forward = (_event: IpcRendererEvent, payload: T) => listener(payload);
  ipcRenderer.on(channel, forward);
  return () => {
    ipcRenderer.removeListener(channel, forward);
  };
}

const bridge = {
  invoke: createInvoke((channel, args) => ipcRenderer.invoke(channel, args)),
  onJobProgress: (listener: (progress: JobProgress) => void) =>
    subscribe(JOB_PROGRESS_CHANNEL, listener),
  onMenuCommand: (listener: (command: MenuCommand) => void) =>
    subscribe(MENU_COMMAND_CHANNEL, listener),
} satisfies PreloadBridge;

contextBridge.exposeInMainWorld('revopsBridge', bridge);
