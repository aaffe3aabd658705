// Spanning tree BPDUs (IEEE 802.1D) under LLC 0x42, as Scapy's STP; times in 1/256 s (BCDFloatField).
import { bind } from "../bind.js";
import { int, mac, u16, u32, u8, type Field } from "../field.js";
import { PacketError } from "../errors.js";
import { defineLayer } from "../layer.js";
import { LLC, SNAP } from "./llc.js";

/** Seconds as a float on the wire in 1/256 units, as Scapy shows them (1.0, 1.5). */
function seconds(name: string, dflt: number): Field {
  const f = int(name, 16, dflt * 256);
  return {
    ...f,
    parse: (input) => {
      if (typeof input !== "number" || !Number.isFinite(input) || input < 0 || input * 256 > 0xffff) throw new PacketError(`${name} takes seconds from 0 to 255.99 (in 1/256 s steps)`);
      return Math.trunc(input * 256);
    },
    show: (v) => {
      const s = (v as number) / 256;
      return Number.isInteger(s) ? `${s}.0` : String(s);
    },
  };
}

export const STP = defineLayer(
  "STP",
  [
    u16("proto", 0), u8("version", 0), u8("bpdutype", 0), u8("bpduflags", 0), u16("rootid", 0), mac("rootmac"), u32("pathcost", 0),
    u16("bridgeid", 0), mac("bridgemac"), u16("portid", 0), seconds("age", 1), seconds("maxage", 20), seconds("hellotime", 2), seconds("fwddelay", 15),
  ],
  {
    json: (l, out) => {
      for (const k of ["age", "maxage", "hellotime", "fwddelay"]) out[k] = (l.get(k) as number) / 256;
    },
  },
);

bind(LLC, STP, { dsap: 0x42, ssap: 0x42, ctrl: 3 });
bind(SNAP, STP, { code: 267 });
