/** Busy, error and result around one API call a form or button makes. */
import { useCallback, useState } from 'react';
import { errorText } from '../api';

export interface ActionState<T> {
  busy: boolean;
  error?: string;
  result?: T;
  /** Runs `call`: its answer becomes `result` and goes to `then`; a failure becomes `error`. */
  run: <R extends T>(call: () => Promise<R>, then?: (answer: R) => void) => Promise<void>;
}

/** `describe` turns a failure into the message shown (by default the error's own message). */
export function useAction<T = unknown>(describe: (e: unknown) => string = errorText): ActionState<T> {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
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
        setError(describe(e));
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
