// The ribbon's 検証 and the pane, in one shared runtime (manifest <Runtimes>, SharedRuntime 1.1):
// the command's function runs in the pane's page, so it asks the pane for a check here. A
// request made before the pane subscribed (the runtime started by the click) waits for it.

type Listener = () => void;

let listener: Listener | null = null;
let pending = false;

/** The pane subscribes; returns the unsubscribe. */
export function onValidateRequest(run: Listener): () => void {
  listener = run;
  if (pending) {
    pending = false;
    run();
  }
  return () => {
    if (listener === run) listener = null;
  };
}

/** The ribbon's 検証 asks for a check. */
export function requestValidate(): void {
  if (listener) listener();
  else pending = true;
}
