// DHCPv6 beyond the oracle: paths into messages and into the options an IA holds (checked at load, read at run
// time), replies matched to their requests by transaction id, show() as Scapy prints it, and what cannot be built.
import { describe, expect, it } from "vitest";
import { checkField } from "../../src/assert/packet.js";
import { craft, dissect, PacketError } from "../../src/packet/index.js";
import { checkPath, valuesAt } from "../../src/packet/path.js";

const solicit = craft('IPv6(src="fe80::1", dst="ff02::1:2")/UDP()/DHCP6_Solicit(trid=0x1234)/DHCP6OptClientId(duid=DUID_LL(lladdr="02:00:00:00:00:01"))/DHCP6OptIA_NA(iaid=7)/DHCP6OptElapsedTime()')[0];
const reply = dissect(
  craft(
    'IPv6(src="fe80::2", dst="fe80::1")/UDP()/DHCP6_Reply(trid=0x1234)/DHCP6OptServerId(duid=DUID_LLT(timeval=5, lladdr="02:00:00:00:00:02"))/' +
      'DHCP6OptIA_NA(iaid=7, T1=300, T2=480, ianaopts=[DHCP6OptIAAddress(addr="2001:db8::10", preflft=600, validlft="infinity"), DHCP6OptIAAddress(addr="2001:db8::11")])/' +
      'DHCP6OptStatusCode(statuscode="NoAddrsAvail", statusmsg="none left")/DHCP6OptDNSServers(dnsservers=["2001:db8::53"])',
  )[0].bytes,
  { link: "ipv6" },
);

describe("DHCPv6 messages under UDP", () => {
  it("are built with the ports Scapy gives each class and read by their message type", () => {
    expect(solicit.layers.slice(1, 3).map((l) => [l.name, l.get("sport"), l.get("dport")])).toEqual([["UDP", 546, 547], ["DHCP6_Solicit", undefined, undefined]]);
    expect(reply.layers.map((l) => l.name)).toEqual(["IPv6", "UDP", "DHCP6_Reply", "DHCP6OptServerId", "DHCP6OptIA_NA", "DHCP6OptStatusCode", "DHCP6OptDNSServers"]);
    expect(reply.layers[1].get("sport")).toBe(547);
    const relayed = dissect(craft('IPv6(src="fe80::2", dst="ff02::1:2")/UDP()/DHCP6_RelayForward(peeraddr="fe80::1")/DHCP6OptRelayMsg(message=DHCP6_Request(trid=5)/DHCP6OptRapidCommit())')[0].bytes, { link: "ipv6" });
    expect(relayed.layers[1].get("dport")).toBe(547);
    const message = relayed.layers[3].get("message") as { name: string; payload?: { name: string } };
    expect([message.name, message.payload?.name]).toEqual(["DHCP6_Request", "DHCP6OptRapidCommit"]);
  });

  it("a reply answers the request with its transaction id", () => {
    expect(reply.answers(solicit)).toBe(true);
    const other = craft('IPv6(src="fe80::1", dst="ff02::1:2")/UDP()/DHCP6_Solicit(trid=0x1235)')[0];
    expect(reply.answers(other)).toBe(false);
  });
});

describe("paths through DHCPv6", () => {
  it("are checked at load, with the names of the options' fields", () => {
    expect(checkPath("DHCP6_Reply.trid").problem).toBeUndefined();
    expect(checkPath("DHCP6OptIA_NA.ianaopts.addr").problem).toBeUndefined();
    expect(checkPath("DHCP6OptIAAddress.addr").problem).toBeUndefined();
    expect(checkPath("DHCP6OptStatusCode.statuscod").problem).toMatch(/did you mean `statuscode`/);
  });

  it("go on into a DUID or a relayed message, as Scapy's pkt[DHCP6OptServerId].duid.lladdr does, and load says what is not there", () => {
    for (const path of ["DHCP6OptServerId.duid.lladdr", "DHCP6OptServerId.duid.timeval", "DHCP6OptClientId.duid.type", "DHCP6OptClientId.duid.uuid", "DHCP6OptRelayMsg.message.trid"])
      expect(checkPath(path).problem, path).toBeUndefined();
    expect(checkPath("DHCP6OptServerId.duid.lladr").problem).toMatch(/did you mean `lladdr`/);
    expect(checkPath("DHCP6OptServerId.duid.lladdr.x").problem).toMatch(/holds a value/);
    expect(checkPath("DHCP6OptServerId.duid[0].type").problem).toMatch(/not a list/);
    // What load accepts, run time reads: the type by its name, the time as the number on the wire.
    expect(checkField(reply, "DHCP6OptServerId.duid.type", "Link-layer address plus time").ok).toBe(true);
    expect(checkField(reply, "DHCP6OptServerId.duid.timeval", 5).ok).toBe(true);
    expect(checkField(reply, "DHCP6OptServerId.duid.timeval", 6).ok).toBe(false);
  });

  it("read symbolic values, and options held inside an IA as Scapy's getlayer finds them", () => {
    expect(checkField(reply, "DHCP6_Reply.trid", 0x1234).ok).toBe(true);
    expect(checkField(reply, "DHCP6_Reply.msgtype", "REPLY").ok).toBe(true);
    expect(checkField(reply, "DHCP6OptStatusCode.statuscode", "NoAddrsAvail").ok).toBe(true);
    expect(checkField(reply, "DHCP6OptStatusCode.statuscode", "Success").ok).toBe(false);
    expect(checkField(reply, "DHCP6OptIAAddress.addr", "2001:db8::11").ok).toBe(true);
    expect(checkField(reply, "DHCP6OptIAAddress[0].addr", "2001:db8::11").ok).toBe(false);
    expect(checkField(reply, "DHCP6OptIAAddress.validlft", "infinity").ok).toBe(true);
    expect(checkField(reply, "DHCP6OptIA_NA.ianaopts[1].addr", "2001:db8::11").ok).toBe(true);
    expect(checkField(reply, "DHCP6OptServerId.duid.lladdr", "02:00:00:00:00:02").ok).toBe(true);
    expect(valuesAt(reply, "DHCP6OptIAPrefix.prefix").missing).toBe("DHCP6OptIAPrefix");
  });

  it("name a layer held in an IA before the message's own one that follows it, as Scapy's pkt[X] and pkt[X:2] do", () => {
    // dnsmasq 2.90's Reply to a Request for an address off its link: NotOnLink inside the IA, then the message's
    // own NoAddrsAvail. Scapy 2.5 on these bytes: pkt[DHCP6OptStatusCode].statuscode 4, pkt[DHCP6OptStatusCode:2] 2.
    const offLink = dissect(
      Buffer.from(
        "02770001000002770002000086dd6c0f985200691140fe80000000000000007700fffe020000fe80000000000000007700fffe010000022302220069fc6c07006a19" +
          "0001000a000300010277000100000002000e0001000132a486490277000200000003001d00000008ffffffffffffffff000d000d00046e6f74206f6e206c696e6b" +
          "000d001800026e6f2061646472657373657320617661696c61626c65",
        "hex",
      ),
      { link: "ether" },
    );
    expect(checkField(offLink, "DHCP6OptStatusCode.statuscode", "NotOnLink").ok).toBe(true);
    expect(checkField(offLink, "DHCP6OptStatusCode.statuscode", "NoAddrsAvail").ok).toBe(false);
    expect(checkField(offLink, "DHCP6OptStatusCode[0].statuscode", "NotOnLink").ok).toBe(true);
    expect(checkField(offLink, "DHCP6OptStatusCode[1].statuscode", "NoAddrsAvail").ok).toBe(true);
    expect(checkField(offLink, "DHCP6OptStatusCode[1].statusmsg", "no addresses available").ok).toBe(true);
    expect(valuesAt(offLink, "DHCP6OptStatusCode[2].statuscode").missing).toBe("DHCP6OptStatusCode[2]");
    expect(checkField(offLink, "DHCP6OptIA_NA.T1", "infinity").ok).toBe(false); // T1 is a plain number in Scapy
    expect(checkField(offLink, "DHCP6OptIA_NA.T1", 0xffffffff).ok).toBe(true);
  });
});

describe("DHCPv6 defaults and show()", () => {
  it("are Scapy's", () => {
    const p = craft("IPv6()/UDP()/DHCP6_Solicit()/DHCP6OptElapsedTime()/DHCP6OptOptReq()/DHCP6OptIA_NA()")[0];
    expect(p.bytes.subarray(48).toString("hex")).toBe("01000000" + "000800020000" + "000600040017" + "0018" + "0003000c000000000000000000000000");
    expect(p.show()).toContain("###[ DHCP6 Option Request Option ]### \n");
    expect(p.show()).toContain("reqopts   = [DNS Recursive Name Server Option, Domain Search List option]");
    expect(reply.show()).toContain("timeval   = Sat, 01 Jan 2000 00:00:05 +0000 (946684805)");
  });

  it("say what cannot be built", () => {
    expect(() => craft("DHCP6_Solicit()/DHCP6OptIA_NA(ianaopts=[IP()])")).toThrow(PacketError);
    expect(() => craft('DHCP6OptClientId(duid=DUID_UUID(uuid="not-a-uuid"))')).toThrow(/uuid takes a UUID/);
    expect(() => craft('DHCP6OptStatusCode(statuscode="Fine")')).toThrow(/NoAddrsAvail/);
  });
});
