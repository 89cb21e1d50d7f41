// A stand-in `electron` for loading the built main bundle under plain Node: enough for the entry
// to evaluate and reach its first decision (another instance holds the lock, so it quits).
const noop = () => {};
export const app = {
  enableSandbox: noop,
  setAppUserModelId: noop,
  requestSingleInstanceLock: () => false,
  quit: () => console.log('electron-stub: app.quit'),
  whenReady: () => new Promise(noop),
  on: noop,
  getAppPath: () => process.cwd(),
  getLocale: () => 'en',
};
class Unused {}
export const BrowserWindow = Unused, Tray = Unused, Notification = Unused;
export const dialog = {}, session = {}, ipcMain = {}, Menu = {}, nativeImage = {}, nativeTheme = {}, safeStorage = {}, systemPreferences = {}, shell = {};
export default { app };
