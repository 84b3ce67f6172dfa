import { expose } from 'comlink';
import { describeStatementReaderContract } from '../../ports/statement-reader.contract.ts';
import { statementWorkerApi } from './statement-worker-api.ts';
import { WorkerStatementReader } from './WorkerStatementReader.ts';

// The worker's side is the same API the real worker exposes; a MessageChannel stands in for the
// Worker object (structured clone and all), which Node lacks. The real Worker runs in the e2e test.
describeStatementReaderContract('worker (comlink over a MessageChannel)', () => {
  const channel = new MessageChannel();
  expose(statementWorkerApi, channel.port1);
  return new WorkerStatementReader(channel.port2, () => {
    channel.port1.close();
    channel.port2.close();
  });
});
