// The parts of the `cap` libpcap binding that wirecheck uses (the package ships no types).
declare module "cap" {
  import { EventEmitter } from "node:events";
  export class Cap extends EventEmitter {
    open(device: string, filter: string, bufSize: number, buffer: Buffer): string;
    close(): void;
    send(buffer: Buffer, nbytes?: number): void;
    setMinBytes?(n: number): void;
    static deviceList(): { name: string; addresses: { addr: string; netmask?: string }[] }[];
  }
  const cap: { Cap: typeof Cap };
  export default cap;
}
