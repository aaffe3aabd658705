import { bind, boundUpper, fillFor } from "../bind.js";
import { int, u8 } from "../field.js";
import { defineLayer } from "../layer.js";
import { ipProtos } from "./ip.js";
import { IPv6 } from "./ipv6.js";
import { Raw } from "./raw.js";

/**
 * IPv6's Fragment extension header (RFC 8200 §4.5), Scapy's IPv6ExtHdrFragment: next header, offset in 8-byte units,
 * the M (more fragments) bit and the identification. A fragment past the first carries bytes that are not headers,
 * so its payload reads as Raw, as in Scapy.
 */
export const IPv6ExtHdrFragment = defineLayer(
  "IPv6ExtHdrFragment",
  [u8("nh", 59, { names: ipProtos }), int("res1", 8, 0), int("offset", 13, 0), int("res2", 2, 0), int("m", 1, 0), int("id", 32, undefined)],
  {
    // What follows is what IPv6 would carry with that next header; a later fragment's bytes are no header.
    guessPayload: (v, payload) => ((v.offset as number) > 0 ? Raw : (boundUpper(IPv6, { nh: v.nh }) ?? IPv6.guessPayload?.({ nh: v.nh }, payload))),
    // The next header is the one IPv6 would take for the layer above (17 for UDP).
    fromPayload: { fills: ["nh"], reads: [], values: (payload) => {
      const nh = fillFor(IPv6, payload.def)?.nh;
      return nh === undefined ? undefined : { nh };
    } },
  },
);

bind(IPv6, IPv6ExtHdrFragment, { nh: 44 });
