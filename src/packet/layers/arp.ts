import { bind } from "../bind.js";
import { ipv4, mac, u16, u8 } from "../field.js";
import { defineLayer, type Layer } from "../layer.js";
import { Ether, Dot1Q, etherTypes } from "./ether.js";

// Scapy's names of hardware types (ARP hwtype).
const hardwareTypes: Record<number, string> = {
  1: "Ethernet (10Mb)", 2: "Ethernet (3Mb)", 3: "AX.25", 4: "Proteon ProNET Token Ring", 5: "Chaos", 6: "IEEE 802 Networks", 7: "ARCNET",
  8: "Hyperchannel", 9: "Lanstar", 10: "Autonet Short Address", 11: "LocalTalk", 12: "LocalNet", 13: "Ultra link", 14: "SMDS",
  15: "Frame relay", 16: "ATM", 17: "HDLC", 18: "Fibre Channel", 19: "ATM", 20: "Serial Line", 21: "ATM",
};

const ops = { 1: "who-has", 2: "is-at", 3: "RARP-req", 4: "RARP-rep", 5: "Dyn-RARP-req", 6: "Dyn-RAR-rep", 7: "Dyn-RARP-err", 8: "InARP-req", 9: "InARP-rep" };

export const ARP = defineLayer(
  "ARP",
  [
    u16("hwtype", 1, { names: hardwareTypes }),
    u16("ptype", 0x0800, { names: etherTypes }),
    u8("hwlen", undefined),
    u8("plen", undefined),
    u16("op", 1, { names: ops }),
    mac("hwsrc", "00:00:00:00:00:00"),
    { ...ipv4("psrc", "0.0.0.0"), netInList: false },
    mac("hwdst", "00:00:00:00:00:00"),
    { ...ipv4("pdst", "0.0.0.0"), netInList: false },
  ],
  {
    postBuild: ({ buf, start, values }) => {
      if (values.hwlen === undefined) buf[start + 4] = 6;
      if (values.plen === undefined) buf[start + 5] = 4;
    },
    summary: (l: Layer) => {
      const op = l.get("op");
      if (op === 1) return `ARP who has ${l.get("pdst")} says ${l.get("psrc")}`;
      if (op === 2) return `ARP is at ${l.get("hwsrc")} says ${l.get("psrc")}`;
      return `ARP ${ops[op as keyof typeof ops] ?? op} ${l.get("psrc")} > ${l.get("pdst")}`;
    },
    answers: (reply, req) => reply.get("op") === 2 && req.get("op") === 1 && reply.get("psrc") === req.get("pdst"),
  },
);

bind(Ether, ARP, { type: 0x0806 });
bind(Dot1Q, ARP, { type: 0x0806 });
