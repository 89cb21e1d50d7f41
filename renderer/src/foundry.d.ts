import type { FoundryApi } from '../../shared/contract/index.ts';

declare global {
  interface Window {
    /** The one way to main: the preload (or the browser test bridge) builds it from shared/contract. */
    foundry: FoundryApi;
  }
}
