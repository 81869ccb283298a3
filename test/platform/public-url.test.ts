import { describe, expect, it } from "vitest";
import { callerUrlProblem } from "../../src/platform/public-url.ts";
import { sameServer } from "../../src/platform/social/bluesky/identity.ts";

const production = { allowLoopback: false };
const local = { allowLoopback: true };

describe("the guard on addresses a caller chooses", () => {
  it("lets https addresses with public host names through, with any port and path", () => {
    for (const address of [
      "https://bsky.social",
      "https://pds.example.com:8443/",
      "https://morel.us-east.host.bsky.network",
    ]) {
      expect(callerUrlProblem(address, production), address).toBeNull();
    }
  });

  it("refuses plain http, IP literals in any spelling, loopback, private and metadata names, and credentials", () => {
    const refused = {
      "http://pds.example.com": /https:\/\//,
      "https://10.0.0.1": /not an IP address/,
      "https://0x7f.0.0.1": /not an IP address/,
      "https://2130706433": /not an IP address/,
      "https://169.254.169.254/latest/meta-data": /not an IP address/,
      "https://[::ffff:127.0.0.1]": /not an IP address/,
      "https://[fe80::1]": /not an IP address/,
      "https://localhost": /not a public host name/,
      "https://api.localhost": /not a public host name/,
      "https://metadata.google.internal": /not a public host name/,
      "https://printer.local": /not a public host name/,
      "https://router.home.arpa": /not a public host name/,
      "https://pds": /not a public host name/,
      "https://me:secret@pds.example.com": /user name or password/,
      "ftp://pds.example.com": /https:\/\//,
      "not a url": /not a URL/,
    };
    for (const [address, reason] of Object.entries(refused)) {
      expect(callerUrlProblem(address, production), address).toMatch(reason);
    }
  });

  it("lets the local stack use loopback over http, and nothing else private", () => {
    for (const address of [
      "http://127.0.0.1:2583",
      "http://localhost:2583",
      "http://[::1]:2583",
      "https://127.0.0.2",
    ]) {
      expect(callerUrlProblem(address, local), address).toBeNull();
      expect(callerUrlProblem(address, production), address).not.toBeNull();
    }
    expect(callerUrlProblem("http://10.0.0.1", local)).not.toBeNull();
    expect(callerUrlProblem("http://pds.local", local)).not.toBeNull();
  });
});

describe("the same server", () => {
  it("compares origin and path; on the local stack localhost and 127.0.0.1 are one machine", () => {
    expect(sameServer("https://pds.example.com/", "https://pds.example.com", false)).toBe(true);
    expect(sameServer("https://pds.example.com", "https://other.example.com", false)).toBe(false);
    expect(sameServer("http://localhost:2583", "http://127.0.0.1:2583", true)).toBe(true);
    expect(sameServer("http://localhost:2583", "http://127.0.0.1:2583", false)).toBe(false);
    expect(sameServer("http://localhost:2583", "http://127.0.0.1:2584", true)).toBe(false);
  });
});
