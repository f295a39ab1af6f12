/** The `max-api` module Node for Max provides to node.script (https://docs.cycling74.com/nodeformax/api/). */
declare module 'max-api' {
  /** Sends a message out of node.script's left outlet. */
  function outlet(...args: unknown[]): Promise<void>
  /** Calls `handler` for every message `selector` Max sends node.script. */
  function addHandler(selector: string, handler: (...args: never[]) => unknown): void
  /** Writes to the Max window. */
  function post(...args: unknown[]): Promise<void>
  const maxApi: { outlet: typeof outlet; addHandler: typeof addHandler; post: typeof post }
  export default maxApi
}
