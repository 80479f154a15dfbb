/** Busy, error and result around one API call a form or button makes. */
import { useCallback, useState } from 'react';
import { asProblem, type Problem } from '../api';

export interface ActionState<T> {
  busy: boolean;
  error?: Problem;
  result?: T;
  /** Runs `call`: its answer becomes `result` and goes to `then`; a failure becomes `error`. */
  run: <R extends T>(call: () => Promise<R>, then?: (answer: R) => void) => Promise<void>;
}

/** `describe` may word a failure itself (a wrong password, say); otherwise the error is described by its code (ui/problem.ts). */
export function useAction<T = unknown>(describe?: (e: unknown) => string | undefined): ActionState<T> {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<Problem>();
  const [result, setResult] = useState<T>();
  const run = useCallback(
    async <R extends T>(call: () => Promise<R>, then?: (answer: R) => void) => {
      setBusy(true);
      setError(undefined);
      setResult(undefined);
      let answer: R;
      try {
        answer = await call();
      } catch (e) {
        setError(describe?.(e) ?? asProblem(e));
        setBusy(false);
        return;
      }
      setResult(answer);
      setBusy(false);
      then?.(answer);
    },
    [describe],
  );
  return { busy, error, result, run };
}
