// Joins the engine's handlers with the shell's. A name registered twice
// would silently shadow one of them, so it is refused instead.

export function mergeHandlers<A extends object, B extends object>(
  first: A,
  second: B,
): A & B {
  for (const name of Object.keys(second)) {
    if (Object.hasOwn(first, name)) {
      throw new Error(`mergeHandlers: ${name} is registered twice`);
    }
  }
  return { ...first, ...second };
}
