import { describeStatementReaderContract } from '../../ports/statement-reader.contract.ts';
import { InlineStatementReader } from './InlineStatementReader.ts';

describeStatementReaderContract('inline', () => new InlineStatementReader());
