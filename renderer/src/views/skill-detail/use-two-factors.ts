import { useEffect, useId, useRef, useState, type RefObject } from 'react';
import type { ApiError, ApprovalStatus } from '../../../../shared/contract/index.ts';
import { ask, type Answer } from '../../lib/api.ts';
import { approvalProblem, type ApprovalProblem } from './approval-problem.ts';
import { usesFallbackPassphrase } from './FallbackPassphraseField.tsx';

/** What a two-factor request carries besides its own fields; main checks both factors. */
export interface CollectedFactors {
  totpCode: string;
  passphrase?: string;
}

export interface TwoFactors {
  /** approval.status: null while it is asked for. */
  status: Answer<ApprovalStatus> | null;
  ready: ApprovalStatus | null;
  /** The factors cannot be given on this computer (no check on this computer, no authenticator, no secret storage). */
  blocked: boolean;
  usesPassphrase: boolean;
  code: string;
  setCode: (code: string) => void;
  passphrase: string;
  setPassphrase: (passphrase: string) => void;
  busy: boolean;
  /** A send was tried with a short code or without the passphrase. */
  incomplete: boolean;
  /** The last refusal, and what the dialog makes of it. */
  problem: ApiError | null;
  shown: ApprovalProblem | null;
  codeRef: RefObject<HTMLInputElement | null>;
  ids: { code: string; codeHint: string; problem: string };
  /**
   * Sends `run` with the factors once they are complete; `onDone` gets the answer's value. A refusal
   * is kept in `problem`; the passphrase is emptied, and the code too when the code was what failed.
   */
  submitWith: <T>(run: (factors: CollectedFactors) => Promise<Answer<T>>, onDone: (value: T) => void) => Promise<void>;
}

/**
 * The owner's two factors as every dialog that widens what a skill may do asks for them (approving a
 * version, letting a skill reach a local address). It only collects them: main verifies both.
 *
 * `leadingField` is the dialog's own first field, if it has one before the factors: it keeps the
 * first focus and takes it back after a refusal that was not about the code. Without it, the code is
 * focused as soon as the factors are known. After a refusal about the code, the code is focused.
 */
export function useTwoFactors(leadingField?: RefObject<HTMLElement | null>): TwoFactors {
  const [status, setStatus] = useState<Answer<ApprovalStatus> | null>(null);
  const [code, setCode] = useState('');
  const [passphrase, setPassphrase] = useState('');
  const [busy, setBusy] = useState(false);
  const [incomplete, setIncomplete] = useState(false);
  const [problem, setProblem] = useState<ApiError | null>(null);
  const [refusals, setRefusals] = useState(0);
  const codeRef = useRef<HTMLInputElement>(null);
  const ids = { code: useId(), codeHint: useId(), problem: useId() };

  const loadStatus = async () => setStatus(await ask(() => window.foundry.approval.status({})));
  useEffect(() => {
    void loadStatus();
  }, []);

  const ready = status?.ok ? status.value : null;
  const usesPassphrase = usesFallbackPassphrase(ready?.biometric ?? null);
  const blocked = ready !== null && (ready.biometric.state !== 'ready' || !ready.totp?.active || !ready.secretStorage);
  const shown = problem ? approvalProblem(problem) : null;

  // Focus moves once the fields are rendered and enabled again, not while a request still disables them.
  useEffect(() => {
    const target = refusals === 0 ? (leadingField ? null : codeRef) : (leadingField && !shown?.codeField ? leadingField : codeRef);
    target?.current?.focus();
  }, [ready, blocked, refusals]);

  async function submitWith<T>(run: (factors: CollectedFactors) => Promise<Answer<T>>, onDone: (value: T) => void) {
    if (busy) return;
    if (!/^\d{6}$/.test(code) || (usesPassphrase && passphrase.length === 0)) {
      setIncomplete(true);
      codeRef.current?.focus();
      return;
    }
    setIncomplete(false);
    setBusy(true);
    setProblem(null);
    const answer = await run({ totpCode: code, ...(usesPassphrase ? { passphrase } : {}) });
    setBusy(false);
    if (answer.ok) {
      onDone(answer.value);
      return;
    }
    const next = approvalProblem(answer.error);
    setProblem(answer.error);
    setPassphrase('');
    if (next.codeField) setCode('');
    // A lock or a missing setup changes what the factors' state says.
    if (next.lockedUntil || next.settings) void loadStatus();
    setRefusals((count) => count + 1);
  }

  return {
    status, ready, blocked, usesPassphrase, code, setCode, passphrase, setPassphrase, busy, incomplete,
    problem, shown, codeRef, ids, submitWith,
  };
}
