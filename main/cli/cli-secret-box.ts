import { createPassphraseSecretBox, type SecretBox } from '../skills/approval/secret-box.ts';

/** Headless, secrets are sealed with a key derived from FOUNDRY_PASSPHRASE; without it there is no box. */
export function cliSecretBox(env: NodeJS.ProcessEnv): SecretBox | null {
  const passphrase = env.FOUNDRY_PASSPHRASE;
  return passphrase ? createPassphraseSecretBox(passphrase) : null;
}
