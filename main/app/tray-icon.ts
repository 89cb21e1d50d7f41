import { nativeImage, type NativeImage } from 'electron';
// Inlined into the main bundle as data URLs by the build, so the packaged app needs no icon files.
import icon16 from './assets/tray-16.png?inline';
import icon32 from './assets/tray-32.png?inline';

/** The anvil tray icon, with a 2× representation for high-density screens. */
export function trayIcon(): NativeImage {
  const image = nativeImage.createFromDataURL(icon16);
  image.addRepresentation({ scaleFactor: 2, dataURL: icon32 });
  return image;
}
