// IPv4 options beyond record route and router alert: loose and strict source routing, and the timestamp option.
import { int, ipv4, u32, u8 } from "../field.js";
import { defineLayer } from "../layer.js";
import { lengthAuto, optHeader, optionDefs, routerList } from "./ip.js";

// Source routes are copied into every fragment (copy flag 1), laid out as record route is.
const sourceRoute = (name: string, option: number) =>
  defineLayer(name, [int("copy_flag", 1, 1), ...optHeader(option).slice(1), u8("length", undefined), u8("pointer", 4), routerList("routers")], { postBuild: lengthAuto(1) });

export const IPOption_LSRR = sourceRoute("IPOption_LSRR", 3);
export const IPOption_SSRR = sourceRoute("IPOption_SSRR", 9);

// One timestamp slot, with the address it belongs to unless the flag says timestamps only (Scapy's layout).
export const IPOption_Timestamp = defineLayer(
  "IPOption_Timestamp",
  [
    int("copy_flag", 1, 0),
    int("optclass", 2, 2, { names: { 0: "control", 2: "debug" } }),
    optHeader(4)[2],
    u8("length", undefined),
    u8("pointer", 9),
    int("oflw", 4, 0),
    int("flg", 4, 1, { names: { 0: "timestamp_only", 1: "timestamp_and_ip_addr", 3: "prespecified_ip_addr" } }),
    ipv4("internet_address", "0.0.0.0", (v) => v.flg !== 0),
    u32("timestamp", 0),
  ],
  { postBuild: lengthAuto(1) },
);

optionDefs.set(3, IPOption_LSRR);
optionDefs.set(9, IPOption_SSRR);
optionDefs.set(4, IPOption_Timestamp);
