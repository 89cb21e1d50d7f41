// The renderer's only door to main: window.foundry, built from the contract. It holds functions
// that send one message each; ipcRenderer itself never reaches the page.
import { contextBridge, ipcRenderer } from 'electron';
import { buildFoundryApi } from '../shared/contract/client.ts';
import { ipcChannel } from '../shared/contract/methods.ts';

contextBridge.exposeInMainWorld(
  'foundry',
  buildFoundryApi((method, request) => ipcRenderer.invoke(ipcChannel(method), request)),
);
