// The README's examples run as written: each YAML block is a scenario (a block of steps alone gets the two-host lab
// and servers it names; a playbook is used by a scenario that runs), each command line of a sh block that needs no placeholder runs and exits 0.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { root, runCli, tempScenario } from "./helpers.js";

const readme = readFileSync(join(root, "README.md"), "utf8");
const blocks = (lang: string) => [...readme.matchAll(new RegExp("```" + lang + "\\n([\\s\\S]*?)```", "g"))].map((m) => m[1]);

// What a block of steps alone stands in: the lab and servers its steps name (client, server, echo on 7, HTTP on 80).
const frame = `name: README steps
lab:
  hosts:
    client: 198.18.0.1/24
    server: 198.18.0.2/24
servers:
  - { name: echo, host: server, tcp: { port: 7, echo: true } }
  - { name: web, host: server, http: { port: 80, routes: { /: { status: 200, body: hello } } } }
`;

describe("README examples", () => {
  const yamls = blocks("yaml");
  it("has YAML examples to run", () => expect(yamls.length).toBeGreaterThan(0));
  yamls.forEach((text, i) => {
    if (text.startsWith("playbook:"))
      return it(`YAML example ${i + 1} is a valid playbook, and a scenario using it runs`, () => {
        const use = `  - uses: playbooks/echo-check.yaml\n    with: { on: server }\n`;
        const { dir, file } = tempScenario("uses.yaml", `name: README playbook\nlab: { hosts: { client: 198.18.0.1/24, server: 198.18.0.2/24 } }\nservers:\n${use}steps:\n${use}`);
        mkdirSync(join(dir, "playbooks"));
        writeFileSync(join(dir, "playbooks/echo-check.yaml"), text);
        const r = runCli(["run", file, "--junit", "/dev/null"]);
        expect(r.code, r.stdout + r.stderr).toBe(0);
        expect(r.stdout).toMatch(/✔ echo on 7/);
      });
    it(`YAML example ${i + 1} validates and runs, every step passing`, () => {
      const scenario = text.startsWith("steps:") ? frame + text : text;
      const { file } = tempScenario(`readme-${i + 1}.yaml`, scenario);
      const r = runCli(["run", file, "--junit", "/dev/null"]);
      expect(r.code, r.stdout + r.stderr).toBe(0);
      expect(r.stdout).toMatch(/ 0 failed, 0 errors, 0 skipped/);
    });
  });

  const commands = blocks("sh")
    .flatMap((b) => b.split("\n"))
    .map((l) => l.replace(/\s+#.*$/, "").trim())
    .filter((l) => l.startsWith("wirecheck ") && !/[[\]…|]/.test(l));
  it("has command examples to run", () => expect(commands.length).toBeGreaterThan(2));
  for (const line of commands) {
    it(`\`${line}\` runs and exits 0`, () => {
      const args = [...line.slice("wirecheck ".length).matchAll(/'([^']*)'|"([^"]*)"|(\S+)/g)].map((m) => m[1] ?? m[2] ?? m[3]);
      const { dir } = tempScenario("unused.yaml", "");
      const out = args.map((a) => (a.endsWith(".pcap") ? join(dir, a) : a));
      const r = runCli(out);
      expect(r.code, r.stdout + r.stderr).toBe(0);
      if (args.includes("dissect")) expect(r.stdout).not.toMatch(/^\S*Raw/m);
    });
  }
});

