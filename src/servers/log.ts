import { printable } from "../util/text.js";

/** The last 64 KiB of what a server did and printed, for the report's system-out. */
export class ServerLog {
  private text = "";
  add(line: string): void {
    this.text = (this.text + line + (line.endsWith("\n") ? "" : "\n")).slice(-65_536);
  }
  raw(chunk: Buffer | string): void {
    this.text = (this.text + printable(chunk, 65_536)).slice(-65_536);
  }
  toString(): string {
    return this.text;
  }
}

/** A running server, as the agent's server manager sees it. */
export interface RunningServer {
  log: ServerLog;
  stop(): Promise<void>;
}
