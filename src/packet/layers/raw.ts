import { bytes } from "../field.js";
import { defineLayer } from "../layer.js";

/** Bytes with no further meaning: a payload nobody claimed, or what does not parse. */
export const Raw = defineLayer("Raw", [bytes("load")]);

/** Bytes after the end a lower layer declared (e.g. Ethernet's minimum frame size beyond IP's total length). */
export const Padding = defineLayer("Padding", [bytes("load")]);
