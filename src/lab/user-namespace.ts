// `wirecheck run` without root: the command runs again inside a user namespace of its own (with a mount and a network
// namespace), where it is root over namespaces it created and nothing else. The whole run is inside, agents and
// servers included; the lab's "machine" namespace is a fresh one nobody else sees, and when the last process inside
// ends the kernel frees every namespace of the lab, so nothing can be left behind. Files the run writes are the
// user's own: namespace root is mapped to the user who started it.
//
// Node runs threads from its first instruction, and unshare(CLONE_NEWUSER) refuses a threaded process, so the
// namespaces come from util-linux's unshare(1), which then executes Node again with the same arguments.
import { spawn, spawnSync } from "node:child_process";
import { fstatSync, readFileSync } from "node:fs";
import { Socket } from "node:net";
import type { Plan } from "../scenario/model.js";
import { handleSignals, takeEarlySignal } from "../early-signals.js";

/** Set only for the run started inside the namespaces; read once and removed, so no agent or server inherits it. */
const marker = "WIRECHECK_USER_NAMESPACE";
/** The inner run's end of a socket pair with the outer process: "ready" one way, the outer's death the other. */
const channelFd = 3;

let inside: boolean | undefined;

/** True in the run that the outer process started inside its user namespace (it is root only there). */
export function insideUserNamespace(): boolean {
  if (inside !== undefined) return inside;
  inside = false;
  if (process.env[marker] !== "1" || process.getuid?.() !== 0) return inside;
  delete process.env[marker];
  // The marker alone is not trusted: the initial user namespace maps every uid to itself, and this one maps one.
  const map = readFileSync("/proc/self/uid_map", "utf8").trim().split(/\s+/);
  let channel = false;
  try {
    channel = fstatSync(channelFd).isSocket();
  } catch {
    /* not started by the outer process */
  }
  inside = map.length === 3 && map[0] === "0" && map[2] === "1" && channel;
  return inside;
}

/** Whether this process must enter a user namespace to run a lab: it is not root, and not inside one already. */
export function needsUserNamespace(): boolean {
  return process.geteuid?.() !== 0 && !insideUserNamespace();
}

function sysctl(path: string): string | undefined {
  try {
    return readFileSync(path, "utf8").trim();
  } catch {
    return undefined;
  }
}

/** Why this machine will not give an unprivileged user a namespace of its own, or undefined when it will. */
export function userNamespaceProblem(): string | undefined {
  const why = (what: string) => `wirecheck run needs root or a user namespace of its own, and ${what}: run it with sudo, or ask the machine's administrator to allow unprivileged user namespaces (\`wirecheck validate\` checks files without either)`;
  if (sysctl("/proc/sys/kernel/unprivileged_userns_clone") === "0") return why("this kernel does not let users create one (sysctl kernel.unprivileged_userns_clone = 0)");
  if (sysctl("/proc/sys/user/max_user_namespaces") === "0") return why("this machine allows none (sysctl user.max_user_namespaces = 0)");
  if (sysctl("/proc/sys/kernel/apparmor_restrict_unprivileged_userns") === "1") return why("AppArmor takes the capabilities away inside one (sysctl kernel.apparmor_restrict_unprivileged_userns = 1)");
  if (spawnSync("unshare", ["--version"]).error) return why("unshare(1), which makes one, is not installed (apt-get install util-linux)");
  return undefined;
}

/**
 * Runs this same command line again inside new user, mount and network namespaces and waits for it: signals are
 * passed on (once the inner run hears them), its exit status is returned. The inner run is in a process group of its
 * own, so a Ctrl-C reaches it once, through this process, not twice. Exit 3 when the namespaces cannot be made.
 */
export function runInUserNamespace(): Promise<number> {
  const problem = userNamespaceProblem();
  if (problem) {
    process.stderr.write(`wirecheck: ${problem}\n`);
    return Promise.resolve(3);
  }
  const args = ["--user", "--map-root-user", "--mount", "--net", "--", process.execPath, ...process.execArgv, ...process.argv.slice(1)];
  const child = spawn("unshare", args, { stdio: ["inherit", "inherit", "inherit", "pipe"], detached: true, env: { ...process.env, [marker]: "1" } });
  const channel = child.stdio[channelFd] as Socket;
  let ready = false;
  const held: NodeJS.Signals[] = [];
  const pass = (sig: NodeJS.Signals) => {
    if (ready) child.kill(sig);
    else held.push(sig); // the inner run keeps signals only once its handlers are in place
  };
  handleSignals(pass);
  const early = takeEarlySignal();
  if (early) pass(early);
  channel.on("data", () => {
    if (ready) return;
    ready = true;
    for (const sig of held.splice(0)) child.kill(sig);
  });
  channel.on("error", () => undefined);
  return new Promise((resolve) => {
    child.on("error", (e) => {
      process.stderr.write(`wirecheck: cannot run unshare to make a user namespace: ${e.message}\n`);
      resolve(3);
    });
    // "close" comes after the exit and after the channel's last data: a run that said it was ready is never taken
    // for one that could not start, however late this process reads the two.
    child.on("close", (code, signal) => {
      handleSignals(undefined);
      if (!ready) {
        // unshare said why on stderr; the run itself never started.
        process.stderr.write("wirecheck: the run could not enter a user namespace of its own (see above): run it with sudo, or allow unprivileged user namespaces on this machine\n");
        resolve(3);
      } else resolve(code ?? (signal ? 3 : 0));
    });
  });
}

/**
 * The mounts only this run sees: empty /run/netns and /run/wirecheck for its namespaces and run records. Where they do
 * not exist (nobody ran a lab on this machine since it started) and cannot be made (/run is root's), /run itself is
 * replaced by an empty tmpfs holding bind mounts of what the machine's /run has.
 */
const mountScript = `set -e
fresh() { mount -t tmpfs -o mode=0755,size=1m wirecheck "$1"; }
if [ -d /run/netns ] && [ -d /run/wirecheck ]; then fresh /run/netns; fresh /run/wirecheck; exit 0; fi
mount --rbind /run /mnt
fresh /run
for e in /mnt/* /mnt/.[!.]*; do
  [ -e "$e" ] || [ -L "$e" ] || continue
  n=\${e#/mnt/}
  case "$n" in netns|wirecheck) continue;; esac
  if [ -L "$e" ]; then ln -s "$(readlink "$e")" "/run/$n"
  elif [ -d "$e" ]; then mkdir "/run/$n"; mount --rbind "$e" "/run/$n"
  else : > "/run/$n"; mount --bind "$e" "/run/$n"; fi
done
mkdir /run/netns /run/wirecheck
`;

/**
 * In the inner run, before anything else: makes its mounts, tells the outer process it now hears signals, and stops
 * the run (as a SIGTERM would) if the outer process dies. Returns a message when the mounts cannot be made.
 */
export function prepareUserNamespace(): string | undefined {
  const r = spawnSync("sh", ["-c", mountScript], { encoding: "utf8" });
  if (r.status !== 0) return `wirecheck: the run's user namespace could not mount its own /run/netns: ${(r.stderr || r.error?.message || "").trim()}`;
  const channel = new Socket({ fd: channelFd, readable: true, writable: true });
  channel.on("error", () => undefined);
  channel.write("ready");
  channel.on("close", () => process.kill(process.pid, "SIGTERM"));
  channel.resume();
  channel.unref();
  return undefined;
}

/** Attaching a machine interface needs real root: the machine's interfaces are outside this run's namespaces. */
export function attachmentsNeedRoot(plans: Plan[]): string[] {
  return plans.flatMap((p) =>
    p.segments
      .filter((s) => s.attach)
      .map((s) => `${p.file}:${s.line}: link attaches to \`${s.attach!.name}\`, an interface of this machine: that needs root (sudo wirecheck run …); without root the run's lab lives in a user namespace of its own, which has no machine interface`),
  );
}
