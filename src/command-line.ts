// The command line: commander wiring only. Heavy modules load inside the actions so --help answers at once.
import { readFileSync } from "node:fs";
import { Command, Option } from "commander";
import type { RunCommandOptions } from "./commands/run.js";

// A reader that goes away (`wirecheck run | head`, a dead CI log pipe) must not stop the teardown.
for (const stream of [process.stdout, process.stderr]) stream.on("error", () => undefined);

const exitCodes = { passed: 0, failed: 1, invalid: 2, runtime: 3 } as const;
const pkg = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as { version: string };
const collect = (v: string, prev: string[] = []) => [...prev, v];

const program = new Command()
  .name("wirecheck")
  .description("Declarative network tests: YAML scenarios run in an isolated lab of network namespaces, reported as JUnit.")
  .version(pkg.version)
  .showHelpAfterError()
  .addHelpText("after", "\nExit codes: 0 passed · 1 a test failed · 2 invalid input or usage · 3 environment or runtime error\n\nExample:\n  sudo wirecheck run scenarios/ --junit reports/junit.xml");

program
  .command("run")
  .description("run scenarios (default: scenarios/) and write a JUnit report")
  .argument("[paths...]", "scenario files or folders", ["scenarios/"])
  .option("--junit <file>", "where to write the JUnit report", "reports/junit.xml")
  .option("--junit-strict", "JUnit for Jenkins' xUnit plugin: no file/line attributes")
  .option("--grep <text>", "only scenarios whose name or file contains this text")
  .option("--tag <tag>", "only scenarios with this tag (repeatable: any of them)", collect)
  .option("--bail", "stop after the first scenario that does not pass")
  .option("--var <name=value>", "set a var, overriding the scenario's vars (repeatable)", collect)
  .option("--verbose", "print details of passing steps, server logs and where the time went")
  .option("--report-root <dir>", "what report paths (JUnit file and classname, GitHub annotations) are relative to (default: the git repository holding the working folder, else the working folder)")
  .option("--attach <name=iface>", "let a scenario's attached link use this machine interface (repeatable; never the default-route one)", collect)
  .option("--jobs <n>", "run up to N scenarios side by side, each in its own lab (default auto: one per CPU, at most 8; 1 runs them one after another)")
  .option("--shard <i/n>", "run only this machine's share I of N of the selected scenarios (the same split on every machine)")
  .option("--durations <junit.xml>", "with --shard: balance the shards by the scenario times in this earlier report")
  .option("--last-failed <junit.xml>", "run only the scenarios that failed or had an error in this earlier report")
  .addHelpText("after", "\nExamples:\n  sudo wirecheck run\n  sudo wirecheck run scenarios/ --shard 2/4 --durations last/junit.xml   (then: wirecheck merge)\n  sudo wirecheck run scenarios/ --last-failed reports/junit.xml\n  sudo wirecheck run bench/dut.yaml --attach dut=enp3s0   (a link with attach: dut)\n  sudo wirecheck run scenarios/echo.yaml --verbose\n  sudo wirecheck run my-tests/ --var port=8080   (a var the scenarios use as ${port})\n  sudo wirecheck run --tag smoke --bail --junit out/junit.xml")
  .action(async (paths: string[], o: RunCommandOptions) => {
    // Without root the run starts again inside a user namespace of its own: decided before the run's modules load.
    const userNamespace = await import("./lab/user-namespace.js");
    if (userNamespace.needsUserNamespace()) {
      process.exitCode = await userNamespace.runInUserNamespace();
      return;
    }
    const { runCommand } = await import("./commands/run.js");
    process.exitCode = await runCommand(paths, o);
  });

program
  .command("merge")
  .description("join the reports of shards (--shard runs) into one JUnit report and one page, in a single run's order")
  .argument("<reports...>", "the shards' report folders (each with junit.xml and index.json) or JUnit files")
  .option("--junit <file>", "where to write the merged JUnit report", "reports/junit.xml")
  .option("--html <file>", "where to write the merged page (needs each shard's index.json)", "reports/index.html")
  .addHelpText("after", "\nExample:\n  wirecheck merge shard-1/reports shard-2/reports --junit reports/junit.xml")
  .action(async (inputs: string[], o: { junit: string; html: string }) => {
    const { mergeCommand } = await import("./commands/merge.js");
    process.exitCode = mergeCommand(inputs, o);
  });

program
  .command("validate")
  .description("check scenario files against the schema and the lab, without running anything (no root needed)")
  .argument("[paths...]", "scenario files or folders", ["scenarios/"])
  .option("--var <name=value>", "set a var (repeatable)", collect)
  .addHelpText("after", "\nExample:\n  wirecheck validate scenarios/")
  .action(async (paths: string[], o: { var?: string[] }) => {
    const { validateCommand } = await import("./commands/validate.js");
    process.exitCode = validateCommand(paths, o);
  });

program
  .command("list")
  .description("list scenarios and their steps, with tags")
  .argument("[paths...]", "scenario files or folders", ["scenarios/"])
  .addHelpText("after", "\nExample:\n  wirecheck list scenarios/")
  .action(async (paths: string[]) => {
    const { listCommand } = await import("./commands/list.js");
    process.exitCode = listCommand(paths);
  });

program
  .command("schema")
  .description("print the path of the scenario JSON Schema (for editors: # yaml-language-server: $schema=…)")
  .addHelpText("after", "\nExample:\n  wirecheck schema")
  .action(async () => {
    const { scenarioSchemaPath } = await import("./util/paths.js");
    process.stdout.write(scenarioSchemaPath + "\n");
  });

program
  .command("craft")
  .description("build packets from Scapy syntax and print them as hex (one line each), a tree, JSON or a pcap file")
  .argument("<expr>", "the packet in Scapy's own syntax")
  .option("--hex", "one line of hex per packet and nothing else (the default)")
  .option("--show", "every layer and field, as Scapy's show()")
  .option("--json", "layers and fields as JSON")
  .option("--pcap <file>", "write the packets to a pcap file")
  .addHelpText("after", `\nExamples:\n  wirecheck craft 'IP(dst="198.18.0.2")/TCP(dport=80, flags="S")'\n  wirecheck craft 'Ether()/IP(dst="198.18.0.2")/UDP(dport=[53, 123])' --pcap out.pcap`)
  .action(async (expr: string, o: { hex?: boolean; show?: boolean; json?: boolean; pcap?: string }) => {
    const { craftCommand } = await import("./commands/craft.js");
    process.exitCode = craftCommand(expr, o);
  });

program
  .command("dissect")
  .description("read packets from hex or a pcap file and print their layers and fields")
  .argument("<input>", "hex bytes, or a .pcap file")
  .option("--json", "layers and fields as JSON")
  .addOption(new Option("--link <type>", "what the bytes start with (default: the pcap's link type; for hex, IP or IPv6 when the header's length matches the bytes, else ether)").choices(["ether", "ip", "ipv6", "raw"]))
  .addHelpText("after", "\nExamples:\n  wirecheck dissect 4500001c000100004001eeb8c6120001c61200020800f7ff00000000\n  wirecheck dissect reports/capture.pcap --json")
  .action(async (input: string, o: { json?: boolean; link?: "ether" | "ip" | "ipv6" | "raw" }) => {
    const { dissectCommand } = await import("./commands/dissect.js");
    process.exitCode = dissectCommand(input, o);
  });

const lab = program
  .command("lab")
  .description("show a scenario's lab, or clean up lab leftovers")
  .addHelpText("after", "\nExamples:\n  wirecheck lab show scenarios/router-forwarding.yaml\n  sudo wirecheck lab clean");
lab
  .command("show")
  .description("print the lab a scenario would build (hosts, interfaces, addresses, MACs, routes, links, facts) without building it (no root needed)")
  .argument("<file>", "a scenario file")
  .option("--var <name=value>", "set a var (repeatable)", collect)
  .option("--json", "as JSON")
  .addHelpText("after", "\nExample:\n  wirecheck lab show scenarios/wan-link.yaml")
  .action(async (file: string, o: { var?: string[]; json?: boolean }) => {
    const { labShowCommand } = await import("./commands/lab-show.js");
    process.exitCode = labShowCommand(file, o);
  });
lab
  .command("clean")
  .description("remove namespaces, agents and servers left by runs that were killed (never those of a live run)")
  .addHelpText("after", "\nExample:\n  sudo wirecheck lab clean")
  .action(async () => {
    const { labCleanCommand } = await import("./commands/lab-clean.js");
    process.exitCode = await labCleanCommand();
  });

program.addOption(new Option("--no-color", "no colours").hideHelp());
// Usage errors exit 2, like invalid input; --help and --version exit 0. Every subcommand, at any depth, the same.
const usageExit = (cmd: Command): void => {
  cmd.exitOverride((err) => process.exit(err.exitCode === 0 ? 0 : exitCodes.invalid));
  cmd.commands.forEach(usageExit);
};
usageExit(program);
await program.parseAsync(process.argv);
