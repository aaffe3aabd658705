// Issue 10, "Setting a device up" (black box, from the issue and README "Devices under test"): setup items (run,
// sysctl, file with text or from, facts filled in unless expand: false, mode) run in order after the lab is up and
// before the servers, in the host's files folder ($WIRECHECK_FILES); the first failing item is ONE setup error at its
// own line with the output so far and no step runs; `requires:` names what is missing, in one error.
import { existsSync, readFileSync, realpathSync, statSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { type Run, caseText, junitIn, lineOf, put, randomTag, runIn, scenarioDir, workDir } from "./devices-helpers.js";

const TEMPLATE = [
  "table inet filter {",
  '  chain forward { iifname "${lab.fw.to.client}" ether saddr ${lab.client.eth0.mac} ip saddr ${lab.client.ip4} accept }',
  "}",
  "# literal: $${not_a_fact}",
  "",
].join("\n");

const EXPANDED = [
  "table inet filter {",
  '  chain forward { iifname "eth0" ether saddr 02:77:00:01:00:00 ip saddr 198.18.0.1 accept }',
  "}",
  "# literal: ${not_a_fact}",
  "",
].join("\n");

const ORDERED = `name: setup items in order
lab:
  hosts:
    client: 198.18.0.1/24
    fw: 198.18.0.2/24
setup:
  - { host: fw, run: "echo one >> order.txt" }
  - { host: fw, sysctl: { net.ipv4.ip_forward: 1, net.ipv4.conf.all.rp_filter: 2 } }
  - { host: fw, run: "sysctl -n net.ipv4.ip_forward net.ipv4.conf.all.rp_filter | tr '\\\\n' ' ' > sysctl.txt; echo two >> order.txt" }
  - { host: fw, file: ruleset.nft, from: rules/fw.tmpl }
  - { host: fw, file: raw.nft, from: rules/fw.tmpl, expand: false }
  - { host: fw, file: inline.txt, text: "peer \${lab.client.ip4} via \${lab.fw.to.client}\\n" }
  - { host: fw, file: hello.sh, text: "#!/bin/sh\\necho script says hi\\n", mode: "0755" }
  - { host: fw, run: "./hello.sh > script-out.txt && pwd -P > cwd.txt && echo three >> order.txt" }
  - { host: client, run: "echo client-side > c.txt" }
  - { host: fw, run: "echo \${lab.fw.to.client} \${lab.client.eth0.mac} > fact.txt" }
servers:
  - name: reads a setup file
    host: fw
    command:
      run: 'cat "$WIRECHECK_FILES/inline.txt" > "$WIRECHECK_WORK/server-saw.txt" 2>&1; echo started; exec sleep 60'
      ready: { log: started }
steps:
  - name: a step on fw sees its files folder
    host: fw
    exec: { run: 'cat "$WIRECHECK_FILES/inline.txt"', expect: { stdout: "peer 198.18.0.1 via eth0" } }
  - name: where each host's files folder is
    host: fw
    exec: { run: 'cd "$WIRECHECK_FILES" && pwd -P > "$WIRECHECK_WORK/files-of-fw.txt"' }
  - name: and the client's
    host: client
    exec: { run: 'cd "$WIRECHECK_FILES" && pwd -P > "$WIRECHECK_WORK/files-of-client.txt"' }
  - name: the sysctl is the namespace's own
    host: client
    exec: { run: "sysctl -n net.ipv4.ip_forward", expect: { stdout: "0" } }
`;

describe("setup: run, sysctl and files, in order, before the servers", () => {
  const dir = scenarioDir();
  const files = join(workDir(dir, "ordered"), "files");
  let r: Run;
  beforeAll(() => {
    put(dir, "rules/fw.tmpl", TEMPLATE);
    put(dir, "ordered.yaml", ORDERED);
    r = runIn(dir, ["run", "ordered.yaml"]);
  });
  const read = (host: string, f: string) => readFileSync(join(files, host, f), "utf8");

  it("the scenario passes (every setup item succeeded, every step passed)", () => {
    expect(r.code, r.stdout + r.stderr).toBe(0);
  });

  it("items run in the order written (run, sysctl, then a command that sees the sysctl)", () => {
    expect(read("fw", "order.txt")).toBe("one\ntwo\nthree\n");
    expect(read("fw", "sysctl.txt")).toBe("1 2 ");
  });

  it("a file from a path beside the scenario is filled in with the lab's facts ($${ writes ${)", () => {
    expect(read("fw", "ruleset.nft")).toBe(EXPANDED);
  });

  it("a setup command line is filled in with the lab's facts too", () => {
    expect(read("fw", "fact.txt")).toBe("eth0 02:77:00:01:00:00\n");
  });

  it("expand: false copies the file as it is", () => {
    expect(read("fw", "raw.nft")).toBe(TEMPLATE);
  });

  it("an inline text file is filled in too", () => {
    expect(read("fw", "inline.txt")).toBe("peer 198.18.0.1 via eth0\n");
  });

  it('mode: "0755" makes a script a later item can run; the default mode is 0644', () => {
    expect((statSync(join(files, "fw", "hello.sh")).mode & 0o777).toString(8)).toBe("755");
    expect((statSync(join(files, "fw", "ruleset.nft")).mode & 0o777).toString(8)).toBe("644");
    expect(read("fw", "script-out.txt")).toBe("script says hi\n");
  });

  it("setup commands run in the host's files folder, reports/<scenario>/files/<host>/", () => {
    expect(read("fw", "cwd.txt").trim()).toBe(realpathSync(join(files, "fw")));
    expect(read("client", "c.txt")).toBe("client-side\n");
    expect(existsSync(join(files, "fw", "c.txt"))).toBe(false);
  });

  it("every command on a host sees its files folder as $WIRECHECK_FILES (steps and servers)", () => {
    const work = workDir(dir, "ordered");
    expect(readFileSync(join(work, "files-of-fw.txt"), "utf8").trim()).toBe(realpathSync(join(files, "fw")));
    expect(readFileSync(join(work, "files-of-client.txt"), "utf8").trim()).toBe(realpathSync(join(files, "client")));
    // The server started after setup wrote the file it reads.
    expect(readFileSync(join(work, "server-saw.txt"), "utf8")).toBe("peer 198.18.0.1 via eth0\n");
  });
});

describe("a passing setup keeps each command's output; an item without host is done on the first host", () => {
  const dir = scenarioDir();
  const said = `setup-said-${randomTag()}`;
  let r: Run;
  beforeAll(() => {
    put(
      dir,
      "kept.yaml",
      `name: setup output kept
lab: { hosts: { a: 198.18.0.1/24, b: 198.18.0.2/24 } }
setup:
  - { host: a, run: "echo ${said}-one" }
  - { host: b, run: "echo ${said}-two >&2" }
  - { run: "echo no host > nohost.txt" }
steps:
  - { name: s, host: a, exec: { run: "true" } }
`,
    );
    r = runIn(dir, ["run", "kept.yaml"]);
  });

  it("the scenario passes", () => {
    expect(r.code, r.stdout + r.stderr).toBe(0);
  });

  it("the output of every setup command (stdout and stderr) is in the report", () => {
    const xml = junitIn(dir).xml;
    expect(xml).toContain(`${said}-one`);
    expect(xml).toContain(`${said}-two`);
  });

  it("an item without host: runs on the first host of lab.hosts", () => {
    const files = join(workDir(dir, "kept"), "files");
    expect(existsSync(join(files, "a", "nohost.txt"))).toBe(true);
    expect(existsSync(join(files, "b", "nohost.txt"))).toBe(false);
  });
});

const FAILING = `name: a failing setup item
lab:
  hosts:
    a: 198.18.0.1/24
    b: 198.18.0.2/24
setup:
  - { host: a, run: "echo first-item-output" }
  - { host: b, file: note.txt, text: "hello\\n" }
  - { host: a, run: "echo about-to-fail; echo failing-item-stderr >&2; exit 7" }
  - { host: a, run: "touch after-the-failure.txt" }
servers:
  - name: marker
    host: b
    command: { run: 'touch "$WIRECHECK_WORK/server-started.txt"; echo up; exec sleep 60', ready: { log: up } }
steps:
  - { name: first step, host: a, exec: { run: 'touch "$WIRECHECK_WORK/step-ran.txt"' } }
  - { name: second step, host: a, ping: { to: b, count: 1, expect: { received: 1 } } }
  - { name: third step, host: b, exec: { run: 'touch "$WIRECHECK_WORK/step-ran.txt"' } }
`;

/** Runs a scenario that must end in one setup error at `line`; returns the run, its suite and the error's testcase. */
function setupError(name: string, text: string, line: number) {
  const dir = scenarioDir();
  put(dir, `${name}.yaml`, text);
  const r = runIn(dir, ["run", `${name}.yaml`]);
  const j = junitIn(dir);
  const suite = j.suites[0];
  const errors = suite.cases.filter((c) => /<error[\s>]/.test(c.body));
  return { dir, r, j, suite, errors, line };
}

describe("a failing setup item: one setup error at its own line, no step runs", () => {
  const line = lineOf(FAILING, "exit 7");
  let f: ReturnType<typeof setupError>;
  beforeAll(() => {
    f = setupError("failing", FAILING, line);
  });

  it("exits 3 (the scenario could not start), not 0 or 1", () => {
    expect(f.r.code, f.r.stdout + f.r.stderr).toBe(3);
  });

  it("is exactly one <error> in the JUnit, at the failing item's own file and line", () => {
    expect(f.errors.length, f.j.xml).toBe(1);
    expect(f.suite.attrs.errors).toBe("1");
    expect(f.errors[0].attrs.file).toBe("failing.yaml");
    expect(f.errors[0].attrs.line).toBe(String(line));
  });

  it("carries the failing item's output (stdout and stderr) and the output of the items before it", () => {
    const text = caseText(f.errors[0].body);
    expect(text).toContain("about-to-fail");
    expect(text).toContain("failing-item-stderr");
    expect(text).toContain("first-item-output");
  });

  it("the console names the failing item's line", () => {
    expect(f.r.stdout + f.r.stderr).toMatch(new RegExp(`failing\\.yaml:${line}\\b|line ${line}\\b`));
  });

  it("every step is skipped, none failed", () => {
    const steps = f.suite.cases.filter((c) => ["first step", "second step", "third step"].includes(c.name));
    expect(steps.length).toBe(3);
    for (const s of steps) expect(s.body, s.name).toMatch(/<skipped\b/);
    expect(f.j.xml).not.toMatch(/<failure[\s>]/);
    expect(f.suite.attrs.failures).toBe("0");
    expect(f.suite.attrs.skipped).toBe("3");
  });

  it("nothing after the failing item ran: no later item, no server, no step", () => {
    const work = workDir(f.dir, "failing");
    expect(existsSync(join(work, "files/a/after-the-failure.txt"))).toBe(false);
    expect(existsSync(join(work, "server-started.txt"))).toBe(false);
    expect(existsSync(join(work, "step-ran.txt"))).toBe(false);
  });
});

describe("other ways a setup item fails", () => {
  it("an unknown sysctl is the setup error, at its line", () => {
    const text = `name: bad sysctl
lab: { hosts: { a: 198.18.0.1/24 } }
setup:
  - { host: a, run: "true" }
  - { host: a, sysctl: { net.ipv4.no_such_knob_${randomTag()}: 1 } }
steps:
  - { name: s, host: a, exec: { run: "true" } }
`;
    const f = setupError("badsysctl", text, 5);
    expect(f.r.code, f.r.stdout).toBe(3);
    expect(f.errors.length, f.j.xml).toBe(1);
    expect(f.errors[0].attrs.line).toBe("5");
    expect(caseText(f.errors[0].body)).toMatch(/no_such_knob/);
    expect(f.suite.cases.find((c) => c.name === "s")!.body).toMatch(/<skipped\b/);
  });

  it("a command past its timeout is the setup error, at its line, without waiting for it", () => {
    const text = `name: slow setup
lab: { hosts: { a: 198.18.0.1/24 } }
setup:
  - { host: a, run: "sleep 30", timeout: 500ms }
steps:
  - { name: s, host: a, exec: { run: "true" } }
`;
    const f = setupError("slowsetup", text, 4);
    expect(f.r.code, f.r.stdout).toBe(3);
    expect(f.r.ms).toBeLessThan(15_000);
    expect(f.errors.length, f.j.xml).toBe(1);
    expect(f.errors[0].attrs.line).toBe("4");
    expect(caseText(f.errors[0].body)).toMatch(/time|500 ?ms/i);
  });

  it("a `from:` file that does not exist is refused, pointing at its line", () => {
    const dir = scenarioDir();
    const text = `name: missing from
lab: { hosts: { a: 198.18.0.1/24 } }
setup:
  - { host: a, file: x.conf, from: no/such/file.conf }
steps:
  - { name: s, host: a, exec: { run: 'touch "$WIRECHECK_WORK/step-ran.txt"' } }
`;
    put(dir, "missingfrom.yaml", text);
    const r = runIn(dir, ["run", "missingfrom.yaml"]);
    // Either refused at load (exit 2, file:line:col) or the setup error at its line (exit 3): never a step run.
    expect([2, 3], r.stdout + r.stderr).toContain(r.code);
    if (r.code === 2) expect(r.stderr + r.stdout).toMatch(/missingfrom\.yaml:4:\d+/);
    else expect(junitIn(dir).suites[0].cases.find((c) => /<error[\s>]/.test(c.body))?.attrs.line).toBe("4");
    expect(existsSync(join(workDir(dir, "missingfrom"), "step-ran.txt"))).toBe(false);
  });
});

describe("requires: what the scenario needs, checked first", () => {
  const scenario = (req: string) => `name: needs things
requires: ${req}
lab: { hosts: { a: 198.18.0.1/24, b: 198.18.0.2/24 } }
setup:
  - { host: a, run: 'touch "$WIRECHECK_WORK/setup-ran.txt"' }
steps:
  - { name: one, host: a, exec: { run: 'touch "$WIRECHECK_WORK/step-ran.txt"' } }
  - { name: two, host: a, ping: { to: b, count: 1, expect: { received: 1 } } }
`;

  function needs(name: string, req: string) {
    const dir = scenarioDir();
    put(dir, `${name}.yaml`, scenario(req));
    const r = runIn(dir, ["run", `${name}.yaml`]);
    const j = junitIn(dir);
    const errors = j.suites[0].cases.filter((c) => /<error[\s>]/.test(c.body));
    return { dir, r, j, errors, work: workDir(dir, name) };
  }

  function oneClearError(n: ReturnType<typeof needs>, naming: RegExp[]) {
    expect(n.r.code, n.r.stdout + n.r.stderr).toBe(3);
    expect(n.errors.length, n.j.xml).toBe(1);
    const text = caseText(n.errors[0].body);
    for (const w of naming) {
      expect(text).toMatch(w);
      expect(n.r.stdout + n.r.stderr).toMatch(w);
    }
    // Nothing else fails: the steps are skipped, no failure anywhere, no setup item or step ran.
    expect(n.j.xml).not.toMatch(/<failure[\s>]/);
    for (const c of n.j.suites[0].cases.filter((c) => c.name === "one" || c.name === "two")) expect(c.body).toMatch(/<skipped\b/);
    expect(existsSync(join(n.work, "setup-ran.txt"))).toBe(false);
    expect(existsSync(join(n.work, "step-ran.txt"))).toBe(false);
  }

  it("a missing command is one clear error naming it", () => {
    const tool = `wc-no-such-tool-${randomTag()}`;
    oneClearError(needs("nocmd", `{ commands: [sh, ${tool}] }`), [new RegExp(tool)]);
  });

  it("a missing kernel feature (netem: this kernel has no sch_netem) is one clear error naming it", () => {
    oneClearError(needs("nonetem", "{ kernel: [veth, netem] }"), [/netem/i]);
  });

  it("a missing command and a missing kernel feature together are still one error, naming both", () => {
    const tool = `wc-no-such-tool-${randomTag()}`;
    oneClearError(needs("noboth", `{ commands: [${tool}], kernel: [netem] }`), [new RegExp(tool), /netem/i]);
  });

  it("what the machine has passes: the scenario runs (so the check is not a refusal of everything)", () => {
    const n = needs("present", "{ commands: [sh, ip], kernel: [veth, bridge, macvlan, vxlan, nftables] }");
    expect(n.r.code, n.r.stdout + n.r.stderr).toBe(0);
    expect(existsSync(join(n.work, "setup-ran.txt"))).toBe(true);
    expect(existsSync(join(n.work, "step-ran.txt"))).toBe(true);
  });

  it("a kernel feature wirecheck does not know is refused at load with file:line:col", () => {
    const dir = scenarioDir();
    put(dir, "unknownfeature.yaml", scenario("{ kernel: [veth, warp-drive] }"));
    const r = runIn(dir, ["validate", "unknownfeature.yaml"]);
    expect(r.code).toBe(2);
    expect(r.stderr + r.stdout).toMatch(/unknownfeature\.yaml:2:\d+/);
  });
});
