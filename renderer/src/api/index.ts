// The one client the page uses. Inside Electron the preload bridge answers;
// in a plain browser the loopback server does. Both speak the same contract.
import type { PreloadBridge } from '../../../shared/bridge.js';
import type { WorkbenchApi } from '../../../shared/contract.js';
import { ApiError } from './apiError.js';
import { createBridgeApi } from './bridgeApi.js';
import { createHttpApi, takeTokenFromAddress } from './httpApi.js';
import {
  toMenuCommand,
  type MenuCommand,
} from '../../../shared/menuCommands.js';

export { ApiError, isApiError } from './apiError.js';
export type { MenuCommand } from '../../../shared/menuCommands.js';

export type ClientApi = WorkbenchApi & {
  uploadFile(file: File): Promise<string>;
  /** Native menu commands; only the desktop app has a native menu. */
  onMenuCommand(listener: (command: MenuCommand) => void): () => void;
};

type WindowWithBridge = Window & { revopsBridge?: PreloadBridge };

function createApi(): ClientApi {
  const bridge = (window as WindowWithBridge).revopsBridge;
  if (bridge) {
    return {
      ...createBridgeApi(bridge),
      uploadFile: () =>
        Promise.reject(
          new ApiError('unavailable', '', 'error.uploadUnavailable'),
        ),
      onMenuCommand: (listener) => {
        return bridge.onMenuCommand((raw: unknown) => {
          const command = toMenuCommand(raw);
          if (command) listener(command);
        });
      },
    };
  }
  return {
    ...createHttpApi(takeTokenFromAddress()),
    onMenuCommand: () => () => undefined,
  };
}

export const api: ClientApi = createApi();
