import { describe, expect, it } from "vitest";
import { CsvError, CsvParser, type CsvRecord, readCsv } from "../../src/platform/csv.ts";

/** Parses `text` fed in the given pieces. */
function parse(...pieces: string[]): CsvRecord[] {
  const parser = new CsvParser();
  return [...pieces.flatMap((piece) => parser.push(piece)), ...parser.end()];
}

const fields = (...pieces: string[]) => parse(...pieces).map((r) => r.fields);

function parseError(...pieces: string[]): CsvError {
  try {
    parse(...pieces);
  } catch (error) {
    if (error instanceof CsvError) return error;
    throw error;
  }
  throw new Error("expected a CsvError");
}

function stream(chunks: Array<Uint8Array | string>): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream({
    start(controller) {
      for (const chunk of chunks)
        controller.enqueue(typeof chunk === "string" ? encoder.encode(chunk) : chunk);
      controller.close();
    },
  });
}

async function readAll(body: ReadableStream<Uint8Array>, maxBytes = 1_000_000): Promise<CsvRecord[]> {
  const records: CsvRecord[] = [];
  for await (const record of readCsv(body, { maxBytes })) records.push(record);
  return records;
}

async function readError(body: ReadableStream<Uint8Array>, maxBytes = 1_000_000): Promise<CsvError> {
  try {
    await readAll(body, maxBytes);
  } catch (error) {
    if (error instanceof CsvError) return error;
    throw error;
  }
  throw new Error("expected a CsvError");
}

describe("the CSV parser", () => {
  it("splits records and fields, numbering rows as a spreadsheet does", () => {
    expect(parse("a,b,c\n1,2,3\n")).toEqual([
      { row: 1, line: 1, fields: ["a", "b", "c"] },
      { row: 2, line: 2, fields: ["1", "2", "3"] },
    ]);
  });

  it("reads quoted fields with commas, doubled quotes and line breaks inside them", () => {
    const records = parse('name,note\n"Odhiambo, Amina","She said ""hello""\nand left"\nnext,row\n');
    expect(records.map((r) => r.fields)).toEqual([
      ["name", "note"],
      ["Odhiambo, Amina", 'She said "hello"\nand left'],
      ["next", "row"],
    ]);
    // The quoted line break makes row 3 start on line 4.
    expect(records.map((r) => [r.row, r.line])).toEqual([
      [1, 1],
      [2, 2],
      [3, 4],
    ]);
  });

  it("keeps a quoted CRLF inside a field as it is", () => {
    expect(fields('a,"x\r\ny"\r\n')).toEqual([["a", "x\r\ny"]]);
  });

  it("takes CRLF, LF and lone CR as line ends, mixed in one file", () => {
    expect(fields("a\r\nb\nc\rd")).toEqual([["a"], ["b"], ["c"], ["d"]]);
    expect(parse("a\r\nb\nc\rd").map((r) => r.line)).toEqual([1, 2, 3, 4]);
  });

  it("needs no line end after the last record, and makes no empty record of a final one", () => {
    expect(fields("a,b")).toEqual([["a", "b"]]);
    expect(fields("a,b\n")).toEqual([["a", "b"]]);
    expect(fields("a,b\r\n")).toEqual([["a", "b"]]);
    expect(fields('"a"')).toEqual([["a"]]);
  });

  it("keeps empty fields, trailing commas and blank lines (as one empty field)", () => {
    expect(fields(",,\na,\n\n,b\n")).toEqual([["", "", ""], ["a", ""], [""], ["", "b"]]);
    expect(fields('"",""\n')).toEqual([["", ""]]);
  });

  it("returns ragged rows as they are (the caller decides)", () => {
    expect(fields("a,b,c\n1\n1,2,3,4\n")).toEqual([["a", "b", "c"], ["1"], ["1", "2", "3", "4"]]);
  });

  it("drops a byte-order mark at the very start only", () => {
    expect(fields("\uFEFFa,b\n")).toEqual([["a", "b"]]);
    expect(fields("\uFEFF", "a,b\n")).toEqual([["a", "b"]]);
    expect(fields("a,\uFEFFb\n")).toEqual([["a", "\uFEFFb"]]);
  });

  it("reads nothing from empty input", () => {
    expect(parse("")).toEqual([]);
    expect(parse("", "")).toEqual([]);
  });

  it("keeps spaces around unquoted fields (trimming is the caller's choice)", () => {
    expect(fields(" a , b \n")).toEqual([[" a ", " b "]]);
  });

  it("gives the same records however the text is cut into pieces", () => {
    const text = '\uFEFFh1,"h""2",h3\r\n"a\r\nb",,"c,d"\r\n""""\r\ne,"",f\rg\n"x"';
    const whole = parse(text);
    expect(whole.map((r) => r.fields)).toEqual([
      ["h1", 'h"2', "h3"],
      ["a\r\nb", "", "c,d"],
      ['"'],
      ["e", "", "f"],
      ["g"],
      ["x"],
    ]);
    for (let cut = 0; cut <= text.length; cut++) {
      expect(parse(text.slice(0, cut), text.slice(cut)), `cut at ${cut}`).toEqual(whole);
    }
    expect(parse(...text.split(""))).toEqual(whole);
  });

  describe("refuses malformed text with the line of the problem", () => {
    it("a quoted field that never closes names the line it opened on", () => {
      const error = parseError('a,b\n1,"open\nstill open\n');
      expect(error.reason).toBe("syntax");
      expect(error.line).toBe(2);
      expect(error.message).toMatch(/never closed/);
    });

    it("a quote inside an unquoted field", () => {
      const error = parseError('a,b\n1,5" screen\n');
      expect(error.line).toBe(2);
      expect(error.message).toMatch(/quote inside an unquoted field/);
    });

    it("text after a closing quote", () => {
      const error = parseError('a\n\n"closed"x\n');
      expect(error.line).toBe(3);
      expect(error.message).toMatch(/closing quote/);
    });

    it("counts quoted line breaks when naming a later line", () => {
      expect(parseError('"a\r\nb\nc",x\r\nok\r\n"bad\n').line).toBe(5);
    });
  });
});

describe("reading a CSV body as it streams", () => {
  it("decodes UTF-8 split anywhere across chunks, including four-byte characters", async () => {
    const text = "name,city\nZoë,Zürich\n李,北京\n🎉,Nairobi\n";
    const bytes = new TextEncoder().encode(text);
    const expected = [
      ["name", "city"],
      ["Zoë", "Zürich"],
      ["李", "北京"],
      ["🎉", "Nairobi"],
    ];
    for (let cut = 0; cut <= bytes.length; cut++) {
      const records = await readAll(stream([bytes.slice(0, cut), bytes.slice(cut)]));
      expect(
        records.map((r) => r.fields),
        `cut at byte ${cut}`,
      ).toEqual(expected);
    }
    const oneByteChunks = Array.from(bytes, (b) => Uint8Array.of(b));
    expect((await readAll(stream(oneByteChunks))).map((r) => r.fields)).toEqual(expected);
  });

  it("drops a UTF-8 byte-order mark, even split over chunks", async () => {
    const bytes = new TextEncoder().encode("\uFEFFa,b\n");
    expect((await readAll(stream([bytes.slice(0, 2), bytes.slice(2)]))).map((r) => r.fields)).toEqual([
      ["a", "b"],
    ]);
  });

  it("refuses bytes that are not UTF-8, naming their line", async () => {
    const head = new TextEncoder().encode("a,b\nZoë,1\n");
    const latin1 = Uint8Array.of(0x5a, 0x6f, 0xeb, 0x2c, 0x32, 0x0a); // "Zoë,2\n" in Latin-1
    const error = await readError(stream([head, latin1]));
    expect(error.reason).toBe("encoding");
    expect(error.line).toBe(3);
    const sameChunk = await readError(stream([new Uint8Array([...head, ...latin1])]));
    expect(sameChunk.line).toBe(3);
  });

  it("refuses a file that ends inside a multi-byte character", async () => {
    const error = await readError(stream([new TextEncoder().encode("a\nb"), Uint8Array.of(0xe2, 0x82)]));
    expect(error.reason).toBe("encoding");
    expect(error.line).toBe(2);
  });

  it("a syntax error before a bad byte in the same chunk is the one reported", async () => {
    const bytes = new Uint8Array([...new TextEncoder().encode('a\nx"y\n'), 0xff]);
    const error = await readError(stream([bytes]));
    expect(error).toMatchObject({ reason: "syntax", line: 2 });
  });

  it("stops past the byte limit and cancels the rest of the body", async () => {
    let cancelled = false;
    let pulls = 0;
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulls++;
        controller.enqueue(new TextEncoder().encode("a,b,c,d\n".repeat(100)));
      },
      cancel() {
        cancelled = true;
      },
    });
    const error = await readError(endless, 4000);
    expect(error.reason).toBe("too_large");
    expect(cancelled).toBe(true);
    expect(pulls).toBeLessThan(10);
  });

  it("yields records while the body is still arriving", async () => {
    let sent = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent === 3) return controller.close();
        controller.enqueue(new TextEncoder().encode(`row${sent++}\n`));
      },
    });
    const seenWhenSent: number[] = [];
    for await (const record of readCsv(body, { maxBytes: 1000 })) {
      seenWhenSent.push(sent);
      expect(record.fields).toEqual([`row${record.row - 1}`]);
    }
    // The first record came out before the last chunk was sent.
    expect(seenWhenSent[0]).toBeLessThan(3);
  });
});
