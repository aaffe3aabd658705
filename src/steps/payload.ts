import type { Payloads } from "../scenario/model.js";
import { hexToBuffer } from "../util/text.js";

/** A step's `send:` as the list of byte chunks to send, base64 for the agent protocol. */
export function payloadChunks(send: Payloads | undefined): string[] | undefined {
  if (send === undefined) return undefined;
  const list = Array.isArray(send) ? send : [send];
  return list.map((p) => (typeof p === "string" ? Buffer.from(p) : hexToBuffer(p.hex)).toString("base64"));
}
