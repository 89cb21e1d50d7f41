/** Vite's `?inline` asset import: the file as a data: URL. */
declare module '*.png?inline' {
  const dataUrl: string;
  export default dataUrl;
}
