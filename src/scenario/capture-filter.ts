import { native } from "../wire/native.js";

/**
 * What is wrong with a capture filter (tcpdump's syntax), as libpcap says it, or undefined when it compiles. Without
 * the native part (not built) the check is left to the run.
 */
export function captureFilterProblem(filter: string | undefined): string | undefined {
  if (!filter) return undefined;
  let message: string | null;
  try {
    message = native().filterError(filter);
  } catch {
    return undefined;
  }
  return message === null ? undefined : `filter "${filter}" is not a valid capture filter: ${message} (tcpdump's syntax: "tcp port 80", "icmp or arp", "udp and dst host 198.18.0.2")`;
}
