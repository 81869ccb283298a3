/**
 * RFC 4180 CSV, parsed incrementally: text goes in as it arrives, finished records come out, so a
 * large upload is never held whole in memory. Accepted beyond the RFC's letter: LF and lone CR line
 * ends as well as CRLF, a leading byte-order mark, and a last record without a line end. Refused: a
 * quote inside an unquoted field, anything but a comma or line end after a closing quote, and a
 * quoted field still open at the end. Records may be ragged (the caller decides what that means).
 *
 * @example
 * for await (const record of readCsv(request.body, { maxBytes: 10_485_760 })) {
 *   record.row; // 1 for the header, as a spreadsheet numbers it
 *   record.fields;
 * }
 */

export interface CsvRecord {
  /** 1-based: the row a spreadsheet shows (a quoted line break does not start a new row). */
  row: number;
  /** The physical line the record starts on. */
  line: number;
  fields: string[];
}

export type CsvErrorReason = "syntax" | "encoding" | "too_large";

export class CsvError extends Error {
  override name = "CsvError";
  readonly reason: CsvErrorReason;
  /** The physical line where the problem is. */
  readonly line: number;

  constructor(reason: CsvErrorReason, message: string, line: number) {
    super(message);
    this.reason = reason;
    this.line = line;
  }
}

const QUOTE = 0x22;
const COMMA = 0x2c;
const CR = 0x0d;
const LF = 0x0a;
const BOM = 0xfeff;

/** Where the parser stands between two characters. */
type State =
  /** At the start of a field (nothing of it read yet). */
  | "field"
  | "unquoted"
  | "quoted"
  /** Just read a quote inside a quoted field: a second quote or the field's end follows. */
  | "quote";

export class CsvParser {
  #state: State = "field";
  #field = "";
  #fields: string[] = [];
  #line = 1;
  #recordLine = 1;
  #quoteLine = 1;
  #row = 0;
  #afterCR = false;
  #begun = false;

  /** The physical line the parser has reached. */
  get line(): number {
    return this.#line;
  }

  /** Parses the next piece of text; returns the records it completed. */
  push(text: string): CsvRecord[] {
    const out: CsvRecord[] = [];
    let i = 0;
    if (!this.#begun && text.length > 0) {
      this.#begun = true;
      if (text.charCodeAt(0) === BOM) i = 1;
    }
    // The current field's text in this chunk runs from `from` to the character being looked at.
    let from = i;
    for (; i < text.length; i++) {
      const c = text.charCodeAt(i);
      const afterCR = this.#afterCR;
      this.#afterCR = c === CR;
      switch (this.#state) {
        case "quoted":
          if (c === QUOTE) {
            this.#field += text.slice(from, i);
            this.#state = "quote";
          } else if (c === CR || (c === LF && !afterCR)) {
            this.#line++;
          }
          break;
        case "quote":
          if (c === QUOTE) {
            // A doubled quote: one literal quote, which starts the field's next slice.
            this.#state = "quoted";
            from = i;
          } else if (c === COMMA) {
            this.#endField();
            from = i + 1;
          } else if (c === CR || c === LF) {
            this.#endField();
            out.push(this.#endRecord());
            from = i + 1;
          } else {
            throw new CsvError(
              "syntax",
              `Line ${this.#line}: a quoted field must end at its closing quote (found ${JSON.stringify(text[i])} after it); double a quote that belongs inside the field.`,
              this.#line,
            );
          }
          break;
        case "field":
          if (c === QUOTE) {
            this.#state = "quoted";
            this.#quoteLine = this.#line;
            from = i + 1;
          } else if (c === LF && afterCR) {
            // The LF of a CRLF whose CR already ended the record.
            from = i + 1;
          } else {
            // The character is the field's first: read it as such.
            this.#state = "unquoted";
            from = i;
            i--;
            this.#afterCR = afterCR;
          }
          break;
        case "unquoted":
          if (c === COMMA) {
            this.#field += text.slice(from, i);
            this.#endField();
            from = i + 1;
          } else if (c === CR || c === LF) {
            this.#field += text.slice(from, i);
            this.#endField();
            out.push(this.#endRecord());
            from = i + 1;
          } else if (c === QUOTE) {
            throw new CsvError(
              "syntax",
              `Line ${this.#line}: a quote inside an unquoted field; quote the whole field and double the quotes inside it.`,
              this.#line,
            );
          }
          break;
      }
    }
    if (this.#state === "quoted" || this.#state === "unquoted") this.#field += text.slice(from);
    return out;
  }

  /** Ends the input: returns the last record (one without a line end), or throws for an open quote. */
  end(): CsvRecord[] {
    if (this.#state === "quoted") {
      throw new CsvError(
        "syntax",
        `Line ${this.#quoteLine}: a quoted field opened here is never closed.`,
        this.#quoteLine,
      );
    }
    if (this.#state === "field" && this.#fields.length === 0) return [];
    this.#endField();
    return [this.#endRecord()];
  }

  #endField(): void {
    this.#fields.push(this.#field);
    this.#field = "";
    this.#state = "field";
  }

  /** Called with the line end (or the input's end) just read. */
  #endRecord(): CsvRecord {
    const record = { row: ++this.#row, line: this.#recordLine, fields: this.#fields };
    this.#fields = [];
    this.#line++;
    this.#recordLine = this.#line;
    return record;
  }
}

/**
 * How many bytes at the end of `bytes` begin a UTF-8 sequence that the next chunk completes (0–3).
 * Invalid bytes are left for the decoder to refuse.
 */
function incompleteTail(bytes: Uint8Array): number {
  for (let back = 1; back <= Math.min(3, bytes.length); back++) {
    const byte = bytes[bytes.length - back]!;
    if ((byte & 0xc0) === 0x80) continue;
    const length = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : byte >= 0xc0 ? 2 : 1;
    return length > back ? back : 0;
  }
  return 0;
}

/** The longest prefix of `bytes` that is valid UTF-8 (found by halving; only on the error path). */
function validPrefixLength(bytes: Uint8Array): number {
  const valid = (length: number) => {
    try {
      new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(bytes.subarray(0, length), {
        stream: true,
      });
      return true;
    } catch {
      return false;
    }
  };
  let low = 0;
  let high = bytes.length;
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    if (valid(middle)) low = middle;
    else high = middle - 1;
  }
  return low;
}

export interface ReadCsvOptions {
  /** Bytes read beyond this throw `too_large` (a lying Content-Length cannot get past it). */
  maxBytes: number;
}

/**
 * Reads a CSV body as it streams in and yields its records. The body must be UTF-8 (a BOM is
 * dropped): decoding is strict, chunk by chunk, and an invalid byte throws with its line. Decoding
 * is done here rather than by a `TextDecoderStream`, whose error does not say where the bad byte is.
 * Stops reading (and cancels the body) when the caller stops early or an error is thrown.
 */
export async function* readCsv(
  body: ReadableStream<Uint8Array>,
  options: ReadCsvOptions,
): AsyncGenerator<CsvRecord, void, undefined> {
  const reader = body.getReader();
  // Each chunk is decoded on its own (cut where a character ends), so the decoder must keep a BOM:
  // the parser drops one only at the very start.
  const decoder = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });
  const parser = new CsvParser();
  let carried = new Uint8Array(0);
  let total = 0;
  let finished = false;

  const decode = (bytes: Uint8Array): string => {
    try {
      return decoder.decode(bytes);
    } catch {
      // Parse what is valid first: a syntax error before the bad byte is the one to report, and
      // the parser then knows the bad byte's line.
      parser.push(
        new TextDecoder("utf-8", { fatal: false, ignoreBOM: true }).decode(
          bytes.subarray(0, validPrefixLength(bytes)),
        ),
      );
      throw new CsvError(
        "encoding",
        `Line ${parser.line}: the file is not UTF-8 text (save it as "CSV UTF-8").`,
        parser.line,
      );
    }
  };

  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.byteLength;
      if (total > options.maxBytes) {
        throw new CsvError("too_large", `The file is larger than ${options.maxBytes} bytes.`, parser.line);
      }
      const bytes = carried.length ? concat(carried, value) : value;
      const keep = incompleteTail(bytes);
      carried = bytes.slice(bytes.length - keep);
      yield* parser.push(decode(bytes.subarray(0, bytes.length - keep)));
    }
    finished = true;
    if (carried.length) yield* parser.push(decode(carried));
    yield* parser.end();
  } finally {
    if (finished) reader.releaseLock();
    else await reader.cancel().catch(() => {});
  }
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const joined = new Uint8Array(a.length + b.length);
  joined.set(a);
  joined.set(b, a.length);
  return joined;
}
