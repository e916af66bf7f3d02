/** What a key does to a pannable, zoomable view (the world map and the tier graph share the bindings). */
export type ViewKey = { kind: "zoom"; factor: number } | { kind: "pan"; dx: number; dy: number } | { kind: "reset" };

/** + / = zoom in, - zooms out, 0 resets, the arrows pan by `step` pixels (the content moves the other way). */
export function viewKey(key: string, step: number): ViewKey | null {
  switch (key) {
    case "+":
    case "=":
      return { kind: "zoom", factor: 1.5 };
    case "-":
      return { kind: "zoom", factor: 1 / 1.5 };
    case "0":
      return { kind: "reset" };
    case "ArrowLeft":
      return { kind: "pan", dx: step, dy: 0 };
    case "ArrowRight":
      return { kind: "pan", dx: -step, dy: 0 };
    case "ArrowUp":
      return { kind: "pan", dx: 0, dy: step };
    case "ArrowDown":
      return { kind: "pan", dx: 0, dy: -step };
    default:
      return null;
  }
}
