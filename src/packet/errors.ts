/** A packet expression or field value that cannot be used, with the column it concerns (1-based, 0 when unknown). */
export class PacketError extends Error {
  constructor(
    message: string,
    readonly col = 0,
  ) {
    super(message);
    this.name = "PacketError";
  }
}
