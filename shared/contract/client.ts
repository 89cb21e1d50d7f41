import { API_METHODS, type ApiMethod, type FoundryApi } from './methods.ts';
import type { ApiResult } from './records.ts';

export type Transport = (method: ApiMethod, request: unknown) => Promise<ApiResult<unknown>>;

/**
 * Builds window.foundry from the contract over any transport: IPC in the app's preload, HTTP in
 * the browser test bridge. The object holds functions only, so nothing else leaks through it.
 */
export function buildFoundryApi(transport: Transport): FoundryApi {
  const api: Record<string, Record<string, (request: unknown) => Promise<ApiResult<unknown>>>> = {};
  for (const method of API_METHODS) {
    const [group, name] = method.split('.') as [string, string];
    api[group] ??= {};
    api[group][name] = (request: unknown) => transport(method, request ?? {});
  }
  return api as unknown as FoundryApi;
}
