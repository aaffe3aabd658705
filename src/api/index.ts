// The typed packet API: a constructor per layer (types generated from the layer definitions), stacking, packet
// sets and templates.
export * from "./layers.generated.js";
export { PacketSpec, PacketTemplate, Range, range, type FieldPath, type LayersOf, type TemplateValues } from "./spec.js";
