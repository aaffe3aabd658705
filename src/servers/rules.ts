import { matchBytes } from "../assert/bytes.js";
import type { Rule } from "../scenario/model.js";
import { hexToBuffer } from "../util/text.js";

/** The first rule whose match fits the message (a rule without match fits any). */
export function answer(rules: readonly Rule[], message: Buffer): { reply?: Buffer; close: boolean } | undefined {
  const rule = rules.find((r) => r.match === undefined || matchBytes(r.match, message).matched);
  if (!rule) return undefined;
  const reply = rule.reply === undefined ? undefined : typeof rule.reply === "string" ? Buffer.from(rule.reply) : hexToBuffer(rule.reply.hex);
  return { reply, close: rule.close === true };
}
