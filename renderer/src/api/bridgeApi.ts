// The Electron front door: the preload's named functions, one per method.
import type { PreloadBridge } from '../../../shared/bridge.js';
import type { WorkbenchApi } from '../../../shared/contract.js';
import { ApiError } from './apiError.js';

export function createBridgeApi(bridge: PreloadBridge): WorkbenchApi {
  return {
    async call(method, args) {
      const envelope = await bridge.invoke[method](args);
      if (!envelope.ok) {
        throw new ApiError(envelope.error.code, envelope.error.message);
      }
      return envelope.value;
    },
    on(event, listener) {
      if (event !== 'job.progress') return () => undefined;
      return bridge.onJobProgress(listener);
    },
  };
}
