import { writeFile } from "node:fs/promises";

/** Sets a sysctl of this host's namespace (net.* keys are per namespace), e.g. forwarding on routers. */
export async function setSysctl(args: { key: string; value: string }): Promise<null> {
  if (!/^net\.[a-z0-9_.]+$/.test(args.key)) throw new Error(`refusing to set ${args.key}: only net.* keys`);
  await writeFile(`/proc/sys/${args.key.replace(/\./g, "/")}`, args.value);
  return null;
}
