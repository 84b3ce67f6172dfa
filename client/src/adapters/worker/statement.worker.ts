import { expose } from 'comlink';
import { statementWorkerApi } from './statement-worker-api.ts';

// The statement parsers run here, off the main thread: a big file never freezes the page.
expose(statementWorkerApi);
