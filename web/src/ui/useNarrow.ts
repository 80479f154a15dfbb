/** Whether the window is narrow (a phone, a small tablet): for what CSS alone cannot decide, such as a fold's first state. */
import { useEffect, useState } from 'react';

const NARROW = '(max-width: 1000px)';

export function useNarrow(): boolean {
  const [narrow, setNarrow] = useState(() => window.matchMedia(NARROW).matches);
  useEffect(() => {
    const m = window.matchMedia(NARROW);
    const on = () => setNarrow(m.matches);
    m.addEventListener('change', on);
    return () => m.removeEventListener('change', on);
  }, []);
  return narrow;
}
