/** The page global through which the browser bridge reaches the engine (a Playwright binding). */
export const TRANSPORT_BINDING = '__foundryTransport';
