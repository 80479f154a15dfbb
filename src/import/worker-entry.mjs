// Worker threads do not inherit the TypeScript loader of the thread that made
// them: register it here, then load the worker module.
import { register } from 'tsx/esm/api';

register();
const worker = await import('./worker.ts');
export default worker.default;
