import { isIP } from "node:net";
import { readIPv4, readIPv6, readMac, writeIPv4, writeIPv6, writeMac } from "../addr.js";
import { bind } from "../bind.js";
import { PacketError } from "../errors.js";
import { ipv4, mac, pyStr, toBytes, u16, u8, type Field, type Values } from "../field.js";
import { defineLayer, type Layer } from "../layer.js";
import { Ether, Dot1Q, etherTypes } from "./ether.js";

// Scapy's names of hardware types (ARP hwtype).
const hardwareTypes: Record<number, string> = {
  1: "Ethernet (10Mb)", 2: "Ethernet (3Mb)", 3: "AX.25", 4: "Proteon ProNET Token Ring", 5: "Chaos", 6: "IEEE 802 Networks", 7: "ARCNET",
  8: "Hyperchannel", 9: "Lanstar", 10: "Autonet Short Address", 11: "LocalTalk", 12: "LocalNet", 13: "Ultra link", 14: "SMDS",
  15: "Frame relay", 16: "ATM", 17: "HDLC", 18: "Fibre Channel", 19: "ATM", 20: "Serial Line", 21: "ATM",
};

const ops = { 1: "who-has", 2: "is-at", 3: "RARP-req", 4: "RARP-rep", 5: "Dyn-RARP-req", 6: "Dyn-RAR-rep", 7: "Dyn-RARP-err", 8: "InARP-req", 9: "InARP-rep" };

/*
 * ARP's addresses take the form its sizes and types say, as Scapy's MultipleTypeField does: a MAC when hwtype is 1
 * and hwlen 6, an IPv4 address when ptype is 0x0800 and plen 4, an IPv6 address when ptype is 0x86dd and plen 16
 * (an unset length follows the value: a MAC text, an IPv4 address or name, an IPv6 address); anything else is bytes
 * of the length given (text as its bytes, cut or padded with zeros), or as long as the value when no length is
 * given. The default (all zeros text) stands for Scapy's None: no bytes in the bytes form, zeros in the others.
 */
type Form = "mac" | "ipv4" | "ipv6" | "bytes";
const hwDefault = "00:00:00:00:00:00";
const pDefault = "0.0.0.0";
const macText = /^([0-9a-fA-F]{1,2}[:-]){5}[0-9a-fA-F]{1,2}$/;

function formOf(v: Values, field: string, value: unknown): Form {
  if (field === "hwsrc" || field === "hwdst") {
    const none = value === undefined || value === hwDefault;
    const fits = none || (typeof value === "string" && macText.test(value)) || (Buffer.isBuffer(value) && value.length === 6);
    return v.hwtype === 1 && (v.hwlen === 6 || (v.hwlen === undefined && fits)) ? "mac" : "bytes";
  }
  const none = value === undefined || value === pDefault;
  const text = typeof value === "string" ? value : undefined;
  if (v.ptype === 0x0800 && (v.plen === 4 || (v.plen === undefined && (none || (text !== undefined && isIP(text) !== 6))))) return "ipv4";
  if (v.ptype === 0x86dd && (v.plen === 16 || (v.plen === undefined && (none || (text !== undefined && isIP(text) === 6))))) return "ipv6";
  return "bytes";
}

/** The bytes an address field is built as. */
function addressBytes(v: Values, field: string, value: unknown = v[field]): Buffer {
  const form = formOf(v, field, value);
  const hw = field === "hwsrc" || field === "hwdst";
  const none = value === undefined || value === (hw ? hwDefault : pDefault);
  if (form === "mac") return writeWith(6, (b) => writeMac(b, 0, none ? hwDefault : macOf(value)));
  if (form === "ipv4") return writeWith(4, (b) => writeIPv4(b, 0, none ? pDefault : String(value)));
  if (form === "ipv6") return writeWith(16, (b) => writeIPv6(b, 0, none ? "::" : String(value)));
  const raw = none ? Buffer.alloc(0) : toBytes(field, value);
  const len = (hw ? v.hwlen : v.plen) as number | undefined;
  if (len === undefined) return raw;
  const out = Buffer.alloc(len);
  raw.copy(out, 0, 0, len);
  return out;
}

const macOf = (value: unknown) => (Buffer.isBuffer(value) ? readMac(value, 0) : String(value));

function writeWith(size: number, write: (b: Buffer) => void): Buffer {
  const b = Buffer.alloc(size);
  write(b);
  return b;
}

function addressField(base: Field, field: string): Field {
  return {
    ...base,
    fixedSize: undefined,
    size: (value, v) => addressBytes(v, field, value).length,
    write: (buf, off, value, v) => void addressBytes(v, field, value).copy(buf, off),
    read: (buf, off, end, v) => {
      const form = formOf(v, field, undefined);
      const size = form === "mac" ? 6 : form === "ipv4" ? 4 : form === "ipv6" ? 16 : ((field === "hwsrc" || field === "hwdst" ? v.hwlen : v.plen) as number);
      if (off + size > end) return [undefined, end];
      if (form === "mac") return [readMac(buf, off), off + 6];
      if (form === "ipv4") return [readIPv4(buf, off), off + 4];
      if (form === "ipv6") return [readIPv6(buf, off), off + 16];
      return [buf.subarray(off, off + size), off + size];
    },
    parse: (input) => {
      if (typeof input === "string" || Buffer.isBuffer(input)) return input;
      throw new PacketError(`${field} takes an address as text (or bytes, for other address sizes)`);
    },
    show: (v, values) => addressText(v, values, field),
  };
}

/**
 * An address as Scapy prints it: bytes as text without their trailing zeros (its StrFixedLenField), the default
 * where the form is bytes as None (Scapy's value) and other text there quoted, else as is.
 */
function addressText(v: unknown, values?: Values, field?: string): string {
  if (values && field && typeof v === "string" && formOf(values, field, v) === "bytes") return v === hwDefault || v === pDefault ? "None" : pyStr(Buffer.from(v, "latin1"));
  if (!Buffer.isBuffer(v)) return String(v);
  let end = v.length;
  while (end > 0 && v[end - 1] === 0) end--;
  return pyStr(v.subarray(0, end));
}

const hardwareAddress = (name: string) => addressField(mac(name, hwDefault), name);
const protocolAddress = (name: string): Field => ({ ...addressField(ipv4(name, pDefault), name), netInList: false });

export const ARP = defineLayer(
  "ARP",
  [
    u16("hwtype", 1, { names: hardwareTypes }),
    u16("ptype", 0x0800, { names: etherTypes }),
    u8("hwlen", undefined),
    u8("plen", undefined),
    u16("op", 1, { names: ops }),
    hardwareAddress("hwsrc"),
    protocolAddress("psrc"),
    hardwareAddress("hwdst"),
    protocolAddress("pdst"),
  ],
  {
    // Scapy's psrc: the source its routes give for pdst; without a lab the only route is loopback's, 127.0.0.1 (an
    // IPv6 psrc has none: "::"). In a lab the sending host's address on the route to pdst is given (wire/send.ts).
    fromSelf: { fills: ["psrc"], reads: ["pdst", "ptype", "plen"], values: (v) => (formOf(v, "psrc", undefined) === "ipv4" ? { psrc: "127.0.0.1" } : {}) },
    postBuild: ({ buf, start, values }) => {
      if (values.hwlen === undefined) buf[start + 4] = addressBytes(values, "hwsrc").length;
      if (values.plen === undefined) buf[start + 5] = addressBytes(values, "psrc").length;
    },
    summary: (l: Layer) => {
      const op = l.get("op");
      const v = l.values();
      const [psrc, pdst, hwsrc] = ["psrc", "pdst", "hwsrc"].map((f) => addressText(v[f], v, f));
      if (op === 1) return `ARP who has ${pdst} says ${psrc}`;
      if (op === 2) return `ARP is at ${hwsrc} says ${psrc}`;
      return `ARP ${ops[op as keyof typeof ops] ?? op} ${psrc} > ${pdst}`;
    },
    // Nothing follows ARP: what the frame holds after it is padding (Scapy's extract_padding).
    payloadLength: () => 0,
    answers: (reply, req) => reply.get("op") === 2 && req.get("op") === 1 && reply.get("psrc") === req.get("pdst"),
  },
);

bind(Ether, ARP, { type: 0x0806 });
bind(Dot1Q, ARP, { type: 0x0806 });
