import { bind } from "../bind.js";
import { PacketError } from "../errors.js";
import { bytes, int, ipv4, pyBytes, u32, u8, type Field } from "../field.js";
import { defineLayer } from "../layer.js";
import { UDP } from "./udp.js";

// NTP (RFC 5905) as Scapy 2.5's NTPHeader, with the authenticator that may follow. Control (mode 6) and private
// (mode 7) messages and v4 extension fields are not modelled: they read as NTPHeader and Raw.

/** Seconds from 1900 (NTP's era) to 1970 (Unix time). */
const ntpBase = 2208988800;

/** A fixed-point number given as a float (Scapy's FixedPointField): integer part above `frac` bits of fraction. */
function toFixed(name: string, input: unknown, bits: number, frac: number): bigint {
  if (typeof input === "bigint") return input;
  if (typeof input === "boolean") input = input ? 1 : 0;
  if (typeof input !== "number" || !Number.isFinite(input) || input < 0) throw new PacketError(`${name} takes a number of seconds (a float: 3900000000.5)`);
  const whole = Math.trunc(input);
  const fraction = Math.trunc((input - whole) * 2 ** frac);
  const v = (BigInt(whole) << BigInt(frac)) | BigInt(fraction);
  if (v >= 1n << BigInt(bits)) throw new PacketError(`${name}=${input} does not fit ${bits} bits`);
  return v;
}

/** Scapy's FixedPointField.i2h, shown: the integer part and the fraction, with the digits a decimal division gives. */
function showFixed(v: bigint, frac: number): string {
  const whole = v >> BigInt(frac);
  const part = Number(v & ((1n << BigInt(frac)) - 1n)) / 2 ** frac;
  return part === 0 ? String(whole) : `${whole}${String(part).slice(1)}`;
}

/** A 32-bit fixed-point field with 16 bits of fraction (root delay and dispersion), kept as its integer. */
function short(name: string): Field {
  const f = u32(name, 0);
  // A number given is seconds, whole or not (0x1234 is 0x1234 seconds), as Scapy's any2i reads it.
  return { ...f, parse: (input) => Number(toFixed(name, input, 32, 16)), show: (v) => showFixed(BigInt(v as number), 16) };
}

/**
 * A 64-bit timestamp (32 bits of seconds since 1900, 32 of fraction), kept as a bigint. undefined (Scapy's None) is
 * the time of the build, as Scapy fills orig and sent.
 */
function timestamp(name: string, dflt: bigint | undefined): Field {
  return {
    name,
    bits: 0,
    default: dflt,
    fixedSize: 8,
    size: () => 8,
    write: (buf, off, v) => void buf.writeBigUInt64BE(v === undefined ? toFixed(name, Date.now() / 1000 + ntpBase, 64, 32) : (v as bigint), off),
    read: (buf, off, end) => (off + 8 > end ? [undefined, end] : [buf.readBigUInt64BE(off), off + 8]),
    parse: (input) => toFixed(name, input, 64, 32),
    show: (v) => (v === undefined || v === null ? "--" : showFixed(v as bigint, 32)),
  };
}

const leap = { 0: "no warning", 1: "last minute of the day has 61 seconds", 2: "last minute of the day has 59 seconds", 3: "unknown (clock unsynchronized)" };
const modes = { 0: "reserved", 1: "symmetric active", 2: "symmetric passive", 3: "client", 4: "server", 5: "broadcast", 6: "NTP control message", 7: "reserved for private use" };

export const NTPHeader = defineLayer(
  "NTPHeader",
  [
    int("leap", 2, 0, { names: leap }),
    int("version", 3, 4),
    int("mode", 3, 3, { names: modes }),
    u8("stratum", 2),
    u8("poll", 10),
    u8("precision", 0),
    short("delay"),
    short("dispersion"),
    ipv4("id", "127.0.0.1", (v) => (v.stratum as number) > 1),
    // A reference clock's name ("GPS "), for stratum 0 and 1; shorter text is padded with zeros.
    {
      ...bytes("ref_id", Buffer.alloc(0), { length: () => 4, when: (v) => (v.stratum as number) < 2 }),
      size: () => 4,
      write: (buf, off, v) => void (v as Buffer).copy(buf, off, 0, Math.min(4, (v as Buffer).length)),
    },
    timestamp("ref", 0n),
    timestamp("orig", undefined),
    timestamp("recv", 0n),
    timestamp("sent", undefined),
  ],
  {
    // Scapy's summary names NTP's fields on a layer that is NTPHeader: it has nothing to fill them with.
    summary: () => "NTP v??, ??",
    // What follows is an authenticator when it has a digest's length (MD5, SHA-1, SHA-256, SHA-512) and a key id.
    guessPayload: (_v, payload) => ([16, 20, 32, 64].includes(payload.length - 4) ? NTPAuthenticator : undefined),
    // 64-bit timestamps as JSON numbers (the nearest double, as a JSON reader of Scapy's integers gets).
    json: (l, out) => {
      for (const k of ["ref", "orig", "recv", "sent"]) if (typeof out[k] === "bigint") out[k] = Number(out[k]);
    },
  },
);

/** The key id and digest that end an authenticated NTP message, with what lies between them and the header. */
export const NTPAuthenticator = defineLayer("NTPAuthenticator", [
  {
    ...bytes("padding"),
    // Scapy's _NTPAuthenticatorPaddingField: everything before the last 20 bytes (none when there are only 20).
    read: (buf, off, end) => (end - off > 20 ? [buf.subarray(off, end - 20), end - 20] : [null, off]),
    size: (v) => (Buffer.isBuffer(v) ? v.length : 0),
    write: (buf, off, v) => void (Buffer.isBuffer(v) ? v.copy(buf, off) : 0),
    show: (v) => (Buffer.isBuffer(v) ? pyBytes(v) : "None"),
  },
  u32("key_id", 0),
  {
    ...bytes("dgst", Buffer.alloc(0), { length: () => 16 }),
    size: () => 16,
    write: (buf, off, v) => void (v as Buffer).copy(buf, off, 0, Math.min(16, (v as Buffer).length)),
  },
]);

bind(UDP, NTPHeader, { sport: 123 }, { build: false });
bind(UDP, NTPHeader, { dport: 123 }, { build: false });
bind(UDP, NTPHeader, { sport: 123, dport: 123 });
