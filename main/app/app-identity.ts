/** electron-builder.yml's appId: Windows files the app's notifications under it. */
export const APP_USER_MODEL_ID = 'dev.skillfoundry.app';
