import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createSafeStorageBox, SAFE_STORAGE_BOX_KIND } from '../../../main/app/safe-storage-box.ts';

const safeStorage = vi.hoisted(() => ({
  getSelectedStorageBackend: vi.fn<() => string>(),
  isAsyncEncryptionAvailable: vi.fn<() => Promise<boolean>>(),
  encryptStringAsync: vi.fn<(plain: string) => Promise<Buffer>>(),
  decryptStringAsync: vi.fn<(data: Buffer) => Promise<{ shouldReEncrypt: boolean; result: string }>>(),
  // The deprecated sync API must never be used.
  encryptString: vi.fn(() => {
    throw new Error('sync encryptString used');
  }),
  decryptString: vi.fn(() => {
    throw new Error('sync decryptString used');
  }),
  isEncryptionAvailable: vi.fn(() => {
    throw new Error('sync isEncryptionAvailable used');
  }),
}));
vi.mock('electron', () => ({ safeStorage }));

beforeEach(() => {
  vi.clearAllMocks();
  safeStorage.getSelectedStorageBackend.mockReturnValue('gnome_libsecret');
  safeStorage.isAsyncEncryptionAvailable.mockResolvedValue(true);
  // A reversible stand-in for the keychain.
  safeStorage.encryptStringAsync.mockImplementation(async (plain) => Buffer.from(`sealed:${plain}`).reverse());
  safeStorage.decryptStringAsync.mockImplementation(async (data) => ({
    shouldReEncrypt: false,
    result: Buffer.from(data).reverse().toString().replace(/^sealed:/, ''),
  }));
});

describe('safeStorage SecretBox', () => {
  it('encrypts and decrypts through the async API only', async () => {
    const box = await createSafeStorageBox('linux');
    expect(box.kind).toBe(SAFE_STORAGE_BOX_KIND);
    const sealed = await box.encrypt('JBSWY3DPEHPK3PXP');
    expect(sealed.toString()).not.toContain('JBSWY3DPEHPK3PXP');
    expect(await box.decrypt(sealed)).toBe('JBSWY3DPEHPK3PXP');
    expect(safeStorage.isAsyncEncryptionAvailable).toHaveBeenCalled();
    expect(safeStorage.encryptStringAsync).toHaveBeenCalledWith('JBSWY3DPEHPK3PXP');
    expect(safeStorage.decryptStringAsync).toHaveBeenCalledWith(sealed);
    expect(safeStorage.encryptString).not.toHaveBeenCalled();
    expect(safeStorage.decryptString).not.toHaveBeenCalled();
    expect(safeStorage.isEncryptionAvailable).not.toHaveBeenCalled();
  });

  it("refuses Linux's basic_text backend: secrets would be stored practically in plain text", async () => {
    safeStorage.getSelectedStorageBackend.mockReturnValue('basic_text');
    const error = await createSafeStorageBox('linux').catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'insecure-backend' });
    const { userMessage } = error as { userMessage: { en: string; pl: string } };
    expect(userMessage.en).toContain('plain text');
    expect(userMessage.pl).toContain('jawnym tekstem');
    expect(safeStorage.encryptStringAsync).not.toHaveBeenCalled();
  });

  it('refuses to start before the keychain is known or when it cannot encrypt', async () => {
    safeStorage.getSelectedStorageBackend.mockReturnValue('unknown');
    await expect(createSafeStorageBox('linux')).rejects.toMatchObject({ code: 'encryption-unavailable' });
    safeStorage.getSelectedStorageBackend.mockReturnValue('kwallet6');
    safeStorage.isAsyncEncryptionAvailable.mockResolvedValue(false);
    await expect(createSafeStorageBox('linux')).rejects.toMatchObject({ code: 'encryption-unavailable' });
  });

  it('asks for the Linux backend only on Linux', async () => {
    safeStorage.getSelectedStorageBackend.mockImplementation(() => {
      throw new Error('linux only');
    });
    await expect(createSafeStorageBox('darwin')).resolves.toMatchObject({ kind: SAFE_STORAGE_BOX_KIND });
    await expect(createSafeStorageBox('win32')).resolves.toMatchObject({ kind: SAFE_STORAGE_BOX_KIND });
  });

  it('reports data the keychain cannot decrypt as a damaged secret', async () => {
    safeStorage.decryptStringAsync.mockRejectedValue(new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.'));
    const box = await createSafeStorageBox('linux');
    await expect(box.decrypt(Buffer.from('garbage'))).rejects.toMatchObject({ code: 'damaged-secret' });
  });
});
