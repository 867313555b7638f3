import { canonicalJson, contentHash, sha256Hex, utf8Bytes } from "../../../src/core/report/hash";

describe("sha256Hex", () => {
  // FIPS 180-2 / NIST vectors.
  it.each([
    ["", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"],
    ["abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"],
    ["abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"],
    ["a".repeat(1_000_000), "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0"],
  ])("hashes %#", (input, hex) => {
    expect(sha256Hex(input)).toBe(hex);
  });

  it("hashes the UTF-8 bytes of Japanese text and 55/56/64-byte boundaries like node:crypto", () => {
    const { createHash } = require("node:crypto") as typeof import("node:crypto");
    for (const s of ["施策課題 41303000", "x".repeat(55), "x".repeat(56), "x".repeat(64), "😀\ud800"]) {
      expect(sha256Hex(s)).toBe(createHash("sha256").update(Buffer.from(utf8Bytes(s))).digest("hex"));
    }
    expect(Array.from(utf8Bytes("Ⅱ😀\ud800"))).toEqual([0xe2, 0x85, 0xa1, 0xf0, 0x9f, 0x98, 0x80, 0xef, 0xbf, 0xbd]);
  });
});

describe("canonicalJson / contentHash", () => {
  it("sorts keys at every level and drops undefined", () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { z: 1, y: null }], c: undefined } })).toBe('{"a":{"d":[2,{"y":null,"z":1}]},"b":1}');
  });
  it("gives the same hash whatever the key order, another for another value", () => {
    expect(contentHash({ a: 1, b: 2 })).toBe(contentHash({ b: 2, a: 1 }));
    expect(contentHash({ a: 1, b: 2 })).toBe(`sha256:${sha256Hex('{"a":1,"b":2}')}`);
    expect(contentHash({ a: 1, b: 3 })).not.toBe(contentHash({ a: 1, b: 2 }));
  });
});
