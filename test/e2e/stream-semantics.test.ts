// TCP sessions read as written: a search consumes through the end of its line, what a step leaves unread is set
// aside (and said) when the next step sends, and a step that only expects reads on. Each rule is shown to bite too.
import { describe, expect, it } from "vitest";
import { runCli, tempScenario } from "./helpers.js";

const lab = `lab:
  hosts:
    client: 198.18.0.1/24
    server: 198.18.0.2/24
servers:
  - name: greeter
    host: server
    tcp:
      port: 2600
      rules:
        - { match: "hi", reply: "hello world\\r\\n" }
        - { match: "two", reply: "first\\r\\nsecond\\r\\n" }
`;

function run(steps: string) {
  const { file } = tempScenario("stream.yaml", `name: stream\n${lab}steps:\n${steps}`);
  return runCli(["run", file, "--junit", "/dev/null", "--verbose"]);
}

describe("tcp stream semantics", () => {
  it("a regex match takes its whole line: silence after it holds, and the same question gets the same answer", () => {
    const r = run(`  - { name: ask, host: client, tcp: { connect: "server:2600", as: s, send: hi, expect: { regex: "^hello" } } }
  - { name: quiet, tcp: { session: s, expect_none: 300ms } }
  - { name: again, tcp: { session: s, send: hi, expect: { regex: "^hello" } } }
`);
    expect(r.stdout + r.stderr).toMatch(/3 passed, 0 failed/);
    expect(r.code).toBe(0);
  });

  it("what one step leaves unread is set aside when the next step sends, and the report says how much and from which step", () => {
    const r = run(`  - { name: one, host: client, tcp: { connect: "server:2600", as: s, send: two, expect: "first\\r\\n" } }
  - { name: next, tcp: { session: s, send: two, expect: "first\\r\\nsecond\\r\\n" } }
`);
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(r.stdout).toMatch(/set aside 8 bytes that step `one` left unread/);
  });

  it("a step that only expects reads on where the last one stopped (the next line of a reply)", () => {
    const r = run(`  - { name: one, host: client, tcp: { connect: "server:2600", as: s, send: two, expect: "first\\r\\n" } }
  - { name: rest, tcp: { session: s, expect: "second\\r\\n" } }
`);
    expect(r.code, r.stdout + r.stderr).toBe(0);
  });

  it("mutants fail: silence when more came, the wrong next line, a leftover taken for an answer", () => {
    const noisy = run(`  - { name: one, host: client, tcp: { connect: "server:2600", as: s, send: two, expect: "first\\r\\n" } }
  - { name: quiet, tcp: { session: s, send: hi, expect_none: 300ms } }
`);
    expect(noisy.code).toBe(1);
    expect(noisy.stdout).toMatch(/expected nothing/);
    const wrong = run(`  - { name: one, host: client, tcp: { connect: "server:2600", as: s, send: two, expect: "first\\r\\n" } }
  - { name: rest, tcp: { session: s, expect: "third\\r\\n" } }
`);
    expect(wrong.code).toBe(1);
    // The leftover "second" is set aside before a send: it cannot answer this step's question.
    const stale = run(`  - { name: one, host: client, tcp: { connect: "server:2600", as: s, send: two, expect: "first\\r\\n" } }
  - { name: asks, tcp: { session: s, send: hi, expect: { regex: "^second" }, timeout: 500ms } }
`);
    expect(stale.code).toBe(1);
  });
});

describe("one tcp step says a whole exchange", () => {
  it("a reply and then silence: passes on an echo, fails when more follows", () => {
    const quiet = run(`  - { name: echo then quiet, host: client, tcp: { connect: "server:2600", send: hi, expect: { regex: "^hello" }, expect_none: 300ms } }
`);
    expect(quiet.code, quiet.stdout + quiet.stderr).toBe(0);
    const chatty = run(`  - { name: more follows, host: client, tcp: { connect: "server:2600", send: two, expect: "first\\r\\n", expect_none: 300ms } }
`);
    expect(chatty.code).toBe(1);
    expect(chatty.stdout).toMatch(/expected nothing/);
  });

  it("send, then the peer resets: passes against a resetting server, fails against one that answers", () => {
    const resetter = `name: reset
lab:
  hosts:
    client: 198.18.0.1/24
    server: 198.18.0.2/24
servers:
  - name: resetter
    host: server
    command:
      run: >-
        python3 -c "import socket,struct; s=socket.socket(); s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1); s.bind(('', 2700)); s.listen(8);
        [ (c.recv(100), c.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack('ii', 1, 0)), c.close()) for c, _ in iter(s.accept, None) ]"
      ready: { port: 2700 }
  - { name: echo, host: server, tcp: { port: 2701, echo: true } }
steps:
  - { name: reset after a request, host: client, tcp: { connect: "server:2700", send: "GET /\\r\\n", expect_error: reset, timeout: 1s } }
`;
    const { file } = tempScenario("reset.yaml", resetter);
    const ok = runCli(["run", file, "--junit", "/dev/null"]);
    expect(ok.code, ok.stdout + ok.stderr).toBe(0);
    const { file: echoFile } = tempScenario("reset-echo.yaml", resetter.replace('connect: "server:2700"', 'connect: "server:2701"'));
    const bad = runCli(["run", echoFile, "--junit", "/dev/null"]);
    expect(bad.code, bad.stdout + bad.stderr).toBe(1);
    expect(bad.stdout).toMatch(/to be reset, it was still open/);
  });
});
