import { describe, expect, it } from "vitest";
import { formatKilobytes, utf8Bytes } from "./limits";

describe("content limits", () => {
  it("counts the body in UTF-8 bytes", () => {
    expect(utf8Bytes("abc")).toBe(3);
    expect(utf8Bytes("é")).toBe(2);
    expect(utf8Bytes("🙂")).toBe(4);
  });

  it("formats sizes for the editor's counter", () => {
    expect(formatKilobytes(0)).toBe("0 KB");
    expect(formatKilobytes(1)).toBe("0.1 KB");
    expect(formatKilobytes(1536)).toBe("1.5 KB");
    expect(formatKilobytes(100 * 1024)).toBe("100 KB");
    expect(formatKilobytes(100 * 1024 + 1)).toBe("100.1 KB"); // over the limit never reads as the limit
  });
});
