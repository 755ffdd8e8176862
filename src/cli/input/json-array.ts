import {
  type ParsedElementInfo,
  type ParsedTokenInfo,
  Tokenizer,
  TokenParser,
  TokenType,
} from '@streamparser/json';
import { InputInvalidError } from '../errors.js';
import { BATCH_BYTES, BATCH_SIZE, type InputItem, MAX_ITEM_BYTES, MAX_ITEM_TEXT } from './items.js';
import { lineCounter } from './line-counter.js';
import { lineAndColumn } from './position.js';
import { readChunks } from './read-chunks.js';

/** Where the JSON went wrong, before it is put in words with a line and column. */
interface Failure {
  readonly what: string;
  readonly offset: number;
  /** Too large rather than malformed. */
  readonly size?: true;
}

/**
 * The elements of a JSON array file as workloads, in batches, without holding the array:
 * @streamparser/json's tokenizer and token parser emit each element as it completes (`$.*`,
 * no stack kept). The tokens are watched on the way, so that one element (or one string)
 * larger than {@link MAX_ITEM_BYTES} stops the read instead of filling the memory.
 * @throws {InputInvalidError} for a syntax error (with its line and column) or an empty array.
 */
export async function* jsonArray(file: string, name: string): AsyncGenerator<InputItem[]> {
  const tokenizer = new Tokenizer();
  const parser = new TokenParser({ paths: ['$.*'], keepStack: false });
  let batch: InputItem[] = [];
  let batchBytes = 0;
  let count = 0;
  let failure: Failure | undefined;
  let lastOffset = 0;
  let depth = 0;
  let elementStart = 0;
  let elementLine: number | undefined;
  const lines = lineCounter();

  parser.onValue = ({ value, key }: ParsedElementInfo) => {
    count += 1;
    const position = (key as number) + 1;
    batch.push(
      elementLine === undefined ? { position, value } : { position, line: elementLine, value },
    );
    batchBytes += lastOffset - elementStart + 1;
  };
  // As @streamparser/json's JSONParser wires them: anything after the array is then an error.
  parser.onEnd = () => {
    if (!tokenizer.isEnded) tokenizer.end();
  };
  parser.onError = (error) => {
    failure ??= { what: parserProblem(error.message), offset: lastOffset };
  };
  tokenizer.onError = (error) => {
    failure ??= tokenizerProblem(error.message, lastOffset);
  };
  tokenizer.onEnd = () => {};
  tokenizer.onToken = (token: ParsedTokenInfo) => {
    lastOffset = token.offset;
    const between = token.token === TokenType.COMMA || token.token === TokenType.RIGHT_BRACKET;
    if (depth === 1 && !between) {
      elementStart = token.offset;
      elementLine = lines.lineAt(token.offset);
    }
    if (depth >= 2 && token.offset - elementStart > MAX_ITEM_BYTES) {
      failure ??= {
        what: `workload #${count + 1} is larger than ${MAX_ITEM_TEXT}`,
        offset: elementStart,
        size: true,
      };
    }
    if (token.token === TokenType.LEFT_BRACE || token.token === TokenType.LEFT_BRACKET) {
      depth += 1;
    } else if (token.token === TokenType.RIGHT_BRACE || token.token === TokenType.RIGHT_BRACKET) {
      depth -= 1;
    }
    if (!failure) parser.write(token);
  };

  let fed = 0;
  for await (const chunk of readChunks(file)) {
    lines.enter(chunk, fed);
    tokenizer.write(chunk);
    lines.leave();
    fed += chunk.length;
    // A token still open after this many bytes is a string or number too long to be an answer.
    if (!failure && fed - lastOffset > MAX_ITEM_BYTES && !tokenizer.isEnded) {
      failure = { what: `a value is longer than ${MAX_ITEM_TEXT}`, offset: lastOffset, size: true };
    }
    if (failure) break;
    if (batch.length >= BATCH_SIZE || batchBytes >= BATCH_BYTES) {
      yield batch;
      batch = [];
      batchBytes = 0;
    }
  }
  if (!failure && !tokenizer.isEnded) tokenizer.end();
  if (!failure && !parser.isEnded)
    failure = { what: 'it ends before the array is closed', offset: fed };
  if (batch.length > 0) yield batch;
  if (failure) {
    const { line, column } = await lineAndColumn(file, failure.offset);
    const kind = failure.size ? 'cannot be read' : 'is not valid JSON';
    throw new InputInvalidError([
      `${name} ${kind}: ${failure.what} (line ${line}, column ${column})`,
    ]);
  }
  if (count === 0) {
    throw new InputInvalidError([`${name} holds an empty array: no workloads to evaluate`]);
  }
}

const EXPECTED: Record<string, string> = {
  VALUE: 'a value',
  KEY: 'a field name in double quotes',
  COLON: 'a ":"',
  COMMA: 'a "," or a closing bracket',
};

/** "Unexpected RIGHT_BRACKET ("]") in state VALUE" → 'expected a value, found "]"'. */
function parserProblem(message: string): string {
  const match = /^Unexpected \w+ \((.*)\) in state (\w+)$/.exec(message);
  if (!match?.[2]) return message;
  const found = (match[1] ?? '').slice(0, 40);
  return `expected ${EXPECTED[match[2]] ?? 'something else'}, found ${found}`;
}

/** 'Unexpected "x" at chunk position "3" (absolute position "9") in state ENDED'. */
function tokenizerProblem(message: string, lastOffset: number): Failure {
  const match = /^Unexpected "(.*)" at .*\(absolute position "(\d+)"\) in state (\w+)$/.exec(
    message,
  );
  if (!match) {
    return { what: 'it ends in the middle of a value', offset: lastOffset };
  }
  const what =
    match[3] === 'ENDED'
      ? `unexpected "${match[1]}" after the array's closing "]"`
      : `unexpected character "${match[1]}"`;
  return { what, offset: Number(match[2]) };
}
